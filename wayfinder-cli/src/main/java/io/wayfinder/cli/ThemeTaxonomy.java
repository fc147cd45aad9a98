package io.wayfinder.cli;

import io.wayfinder.core.eventlog.EventLogException;
import io.wayfinder.core.eventlog.Utf8Lines;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A team's list of themes, one name per line (UTF-8). A blank line or a name given twice is an
 * error naming its line: either is a typo that would silently merge or invent a theme.
 */
record ThemeTaxonomy(String file, Map<String, Long> themes) {

  static ThemeTaxonomy read(Path path) throws IOException {
    Map<String, Long> themes = new LinkedHashMap<>();
    try (Utf8Lines in = Utf8Lines.open(path)) {
      long line = 0;
      for (String text; (text = in.readLine()) != null; ) {
        line++;
        String name = text.strip();
        if (name.isEmpty()) throw new EventLogException(path.toString(), line, null, "empty theme name");
        Long first = themes.putIfAbsent(name, line);
        if (first != null) {
          throw new EventLogException(path.toString(), line, null, "duplicate theme \"" + name + "\" (first on line " + first + ")");
        }
      }
    }
    if (themes.size() < 2) throw new EventLogException(path.toString(), 0, null, "a taxonomy needs at least two themes");
    return new ThemeTaxonomy(path.toString(), Map.copyOf(themes));
  }

  /** Fails on the first label that is not one of the themes, naming its file and line. */
  void requireKnown(LabelledTexts texts, String textsFile, String labelColumn) {
    for (int i = 0; i < texts.labels().size(); i++) {
      if (!themes.containsKey(texts.labels().get(i))) {
        throw new EventLogException(textsFile, texts.lines().get(i), labelColumn,
            "theme \"" + texts.labels().get(i) + "\" is not in the taxonomy " + file);
      }
    }
  }
}
