package io.wayfinder.cli;

import io.wayfinder.core.eventlog.EventLogException;

/** A column given on the command line as a 1-based number or as a header/field name. */
record ColumnRef(String spec, int number) {

  static ColumnRef parse(String spec) {
    if (spec.matches("\\d+")) {
      int n = Integer.parseInt(spec);
      if (n < 1) throw new CliException("column numbers start at 1, got " + spec);
      return new ColumnRef(spec, n);
    }
    return new ColumnRef(spec, 0);
  }

  boolean byName() {
    return number == 0;
  }

  String in(TableFile.Row row, String file) {
    int index;
    if (byName()) {
      if (row.names() == null) throw new CliException("column " + spec + " is a name but " + file + " has no header (use --header)");
      index = row.names().indexOf(spec);
      if (index < 0) throw new EventLogException(file, row.line(), spec, "no such column; columns are " + row.names());
    } else {
      index = number - 1;
      if (index >= row.values().size()) {
        throw new EventLogException(file, row.line(), spec, "row has only " + row.values().size() + " columns");
      }
    }
    return row.values().get(index);
  }
}
