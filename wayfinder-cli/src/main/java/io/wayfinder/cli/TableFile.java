package io.wayfinder.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wayfinder.core.eventlog.EventLogException;
import io.wayfinder.core.eventlog.Utf8Lines;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a table one record at a time from TSV (split on tabs, quotes are ordinary characters),
 * CSV (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks) or JSON Lines (one
 * object per line; its field names are the column names). The text must be UTF-8: a bad byte is
 * an error naming its line and column.
 */
final class TableFile implements Closeable {

  enum Format {
    TSV, CSV, JSONL;

    /** From the extension: .csv, .jsonl/.ndjson/.json, anything else tab-separated. */
    static Format of(Path file) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".csv")) return CSV;
      if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) return JSONL;
      return TSV;
    }
  }

  /**
   * One record. {@code names} are the column names (the header, or the JSON object's fields),
   * {@code null} when the file has none.
   */
  record Row(long line, List<String> names, List<String> values) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String file;
  private final Format format;
  private final Utf8Lines in;
  private List<String> header;
  private long line;
  private long rows;

  private TableFile(Path path, Format format, Utf8Lines in) {
    this.file = path.toString();
    this.format = format;
    this.in = in;
  }

  static TableFile open(Path path, Format format, boolean hasHeader) throws IOException {
    TableFile t = new TableFile(path, format, Utf8Lines.open(path));
    if (hasHeader && format != Format.JSONL) {
      Row first = t.next();
      t.header = first == null ? List.of() : first.values();
      t.rows = 0;
    }
    return t;
  }

  String file() {
    return file;
  }

  /** The next record, or {@code null} at the end; blank lines are skipped. */
  Row next() throws IOException {
    String text;
    do {
      text = in.readLine();
      line++;
      if (text == null) return null;
    } while (text.isBlank());
    long at = line;
    rows++;
    return switch (format) {
      case TSV -> new Row(at, header, List.of(text.split("\t", -1)));
      case CSV -> new Row(at, header, csv(text));
      case JSONL -> json(at, text);
    };
  }

  private Row json(long at, String text) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new EventLogException(file, at, null, "not valid JSON: " + e.getOriginalMessage());
    }
    if (!node.isObject()) throw new EventLogException(file, at, null, "expected a JSON object per line");
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      names.add(e.getKey());
      values.add(e.getValue().isNull() ? "" : e.getValue().asText());
    }
    return new Row(at, names, values);
  }

  private List<String> csv(String first) throws IOException {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    String text = first;
    int i = 0;
    while (true) {
      if (i == text.length()) {
        if (!quoted) break;
        String more = in.readLine();
        if (more == null) throw new EventLogException(file, line, null, "quoted field is not closed");
        line++;
        cell.append('\n');
        text = more;
        i = 0;
        continue;
      }
      char c = text.charAt(i++);
      if (quoted) {
        if (c != '"') cell.append(c);
        else if (i < text.length() && text.charAt(i) == '"') cell.append(text.charAt(i++));
        else quoted = false;
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    out.add(cell.toString());
    return out;
  }

  /**
   * Fails when {@link #next()} found no record. Commands that analyse a file refuse an empty one,
   * as {@code clv fit} does, rather than print nothing and exit 0.
   */
  void requireRows() {
    if (rows > 0) return;
    throw new EventLogException(file, 0, null, in.line() == 0 ? "the file is empty: no rows"
        : "no rows (only a header or blank lines)");
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
