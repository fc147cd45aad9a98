package io.wayfinder.core.eventlog;

import io.wayfinder.core.event.EventTimeRange;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV event log with a header row, one event per row. The delimiter (comma, semicolon or
 * tab) is taken from the header line. Columns are chosen by a {@link ColumnMapping}; every other
 * named, non-empty cell becomes a text attribute (an unnamed column, such as a pandas index, is
 * skipped). The position of an event is the line its row starts on (the header is line 1).
 */
final class CsvEventLogReader implements EventLogReader {
  // the clock when reading starts: events after it (plus a day's tolerance) are refused as on /v1
  private final java.time.Instant now = java.time.Instant.now();
  private final String file;
  private final ColumnMapping mapping;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final String[] names;
  private final int caseIndex;
  private final int activityIndex;
  private final int timestampIndex;
  private final int lifecycleIndex;
  private LogEvent next;

  CsvEventLogReader(String file, BufferedReader in, ColumnMapping mapping) {
    this.file = file;
    this.mapping = mapping;
    try {
      char delimiter = sniffDelimiter(in);
      CSVFormat format =
          CSVFormat.DEFAULT.builder()
              .setDelimiter(delimiter)
              .setHeader()
              .setSkipHeaderRecord(true)
              .setAllowMissingColumnNames(true)
              .setAllowDuplicateHeaderNames(true)
              .setIgnoreEmptyLines(true)
              .get();
      this.parser = CSVParser.builder().setReader(in).setFormat(format).get();
    } catch (IOException | UncheckedIOException e) {
      throw new EventLogException(file, 1, null, "cannot read the header: " + e.getMessage());
    }
    this.records = parser.iterator();
    List<String> header = parser.getHeaderNames();
    this.names = header.toArray(String[]::new);
    this.caseIndex = require(header, mapping.caseColumn(), "case");
    this.activityIndex = require(header, mapping.activityColumn(), "activity");
    this.timestampIndex = require(header, mapping.timestampColumn(), "timestamp");
    this.lifecycleIndex = header.indexOf(mapping.lifecycleColumn());
  }

  private static char sniffDelimiter(BufferedReader in) throws IOException {
    in.mark(1 << 16);
    String first = in.readLine();
    in.reset();
    if (first == null) {
      return ',';
    }
    char best = ',';
    long bestCount = first.chars().filter(c -> c == ',').count();
    for (char c : new char[] {';', '\t'}) {
      long count = first.chars().filter(x -> x == c).count();
      if (count > bestCount) {
        best = c;
        bestCount = count;
      }
    }
    return best;
  }

  private int require(List<String> header, String column, String role) {
    int i = header.indexOf(column);
    if (i < 0) {
      throw new EventLogException(
          file, 1, column,
          "no " + role + " column '" + column + "' in the header " + header
              + " (name it with the column mapping, e.g. --" + role + ")");
    }
    return i;
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      next = read();
    }
    return next != null;
  }

  @Override
  public LogEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    LogEvent e = next;
    next = null;
    return e;
  }

  private LogEvent read() {
    long line = parser.getCurrentLineNumber() + 1;
    CSVRecord r;
    try {
      // the parser's iterator reads lazily, so the line counter still points before this row
      if (!records.hasNext()) {
        return null;
      }
      r = records.next();
    } catch (UncheckedIOException | IllegalStateException e) {
      // the parser cannot resume inside a broken record, so this ends the file
      throw EventLogException.fatal(file, line, null, "unreadable CSV: " + e.getMessage());
    }
    String caseId = cell(r, caseIndex, line, true);
    String activity = cell(r, activityIndex, line, true);
    String time = cell(r, timestampIndex, line, true);
    Instant ts;
    try {
      ts = EventTimeRange.check(Timestamps.parse(time, mapping.defaultZone()), time, now);
    } catch (IllegalArgumentException e) {
      throw new EventLogException(file, line, names[timestampIndex], e.getMessage());
    }
    String lifecycle = lifecycleIndex >= 0 ? cell(r, lifecycleIndex, line, false) : null;
    Map<String, String> attributes = new HashMap<>();
    for (int i = 0; i < r.size() && i < names.length; i++) {
      if (i == caseIndex || i == activityIndex || i == timestampIndex || i == lifecycleIndex) {
        continue;
      }
      String v = r.get(i);
      if (names[i] != null && !names[i].isBlank() && !v.isEmpty()) {
        attributes.put(names[i], v);
      }
    }
    return new LogEvent(line, caseId, activity, ts, lifecycle, attributes);
  }

  private String cell(CSVRecord r, int index, long line, boolean required) {
    String v = index < r.size() ? r.get(index) : "";
    if (v.isEmpty()) {
      if (required) {
        throw new EventLogException(file, line, names[index], "empty value");
      }
      return null;
    }
    return v;
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
