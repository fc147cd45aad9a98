package io.wayfinder.cli;

import io.wayfinder.core.eventlog.EventLogException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The texts (and, when a label column is given, their themes) of a table file, with the line of
 * each. An empty text or an empty label is an error naming its line: a blank comment carries no
 * theme, and an unlabelled row in a training file is a mistake, not a theme called "".
 */
record LabelledTexts(List<String> texts, List<String> labels, List<Long> lines) {

  static LabelledTexts read(Path file, String textColumn, String labelColumn) throws IOException {
    ColumnRef text = ColumnRef.parse(textColumn);
    ColumnRef label = labelColumn == null ? null : ColumnRef.parse(labelColumn);
    boolean header = text.byName() || (label != null && label.byName());
    List<String> texts = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    try (TableFile table = TableFile.open(file, TableFile.Format.of(file), header)) {
      for (TableFile.Row row; (row = table.next()) != null; ) {
        String t = text.in(row, table.file()).strip();
        if (t.isEmpty()) throw new EventLogException(table.file(), row.line(), textColumn, "empty text");
        texts.add(t);
        lines.add(row.line());
        if (label != null) {
          String l = label.in(row, table.file()).strip();
          if (l.isEmpty()) throw new EventLogException(table.file(), row.line(), labelColumn, "empty theme label");
          labels.add(l);
        }
      }
      table.requireRows();
    }
    return new LabelledTexts(List.copyOf(texts), List.copyOf(labels), List.copyOf(lines));
  }
}
