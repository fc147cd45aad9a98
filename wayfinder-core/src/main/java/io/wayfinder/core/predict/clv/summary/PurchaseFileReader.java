package io.wayfinder.core.predict.clv.summary;

import io.wayfinder.core.eventlog.EventLogException;
import io.wayfinder.core.eventlog.Timestamps;
import io.wayfinder.core.eventlog.Utf8Lines;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads a text file of purchases, one per line: customer id, date and amount in columns chosen by
 * a {@link Layout}. Fields are separated by commas, semicolons, tabs or runs of whitespace (found
 * from the first line unless given). Dates are {@code YYYYMMDD}, ISO dates, or ISO date-times
 * (with an offset they are dated in the layout's zone; without one, their own date is used).
 * Blank lines and lines starting with {@code #} are skipped.
 *
 * <p>Any bad line stops the read with an {@link EventLogException} naming the file, the line and
 * the field: missing field, a date that does not parse, an amount that is not a finite number or
 * is negative, an empty customer id; a file with no purchase lines is an error too.
 */
public final class PurchaseFileReader {

  /** How fields are separated. */
  public enum Separator { AUTO, COMMA, SEMICOLON, TAB, WHITESPACE }

  /**
   * Whether the first line is a header. AUTO: it is if columns are named, or if neither its date
   * field is a date nor its amount field a number.
   */
  public enum Header { AUTO, PRESENT, ABSENT }

  /**
   * Where the fields are.
   *
   * @param idColumn the customer id column: a 1-based number or a header name
   * @param dateColumn the date column: a 1-based number or a header name
   * @param amountColumn the amount column: a 1-based number or a header name
   * @param zone the zone that dates timestamps carrying an offset
   */
  public record Layout(Separator separator, Header header, String idColumn, String dateColumn, String amountColumn, ZoneId zone) {
    /** id, date, amount in columns 1, 2, 3; separator and header detected. */
    public static final Layout DEFAULT = new Layout(Separator.AUTO, Header.AUTO, "1", "2", "3", ZoneOffset.UTC);

    /** The CDNOW master file: {@code customer_id date number_of_cds dollar_value}, whitespace, header. */
    public static final Layout CDNOW = new Layout(Separator.WHITESPACE, Header.PRESENT, "1", "2", "4", ZoneOffset.UTC);

    public Layout {
      Objects.requireNonNull(separator, "separator");
      Objects.requireNonNull(header, "header");
      Objects.requireNonNull(idColumn, "idColumn");
      Objects.requireNonNull(dateColumn, "dateColumn");
      Objects.requireNonNull(amountColumn, "amountColumn");
      Objects.requireNonNull(zone, "zone");
      for (String c : List.of(idColumn, dateColumn, amountColumn)) {
        if (c.isBlank()) throw new IllegalArgumentException("a column reference is blank");
        if (isNumber(c) && Integer.parseInt(c) < 1) throw new IllegalArgumentException("column numbers start at 1, got " + c);
      }
    }

    public Layout withSeparator(Separator s) {
      return new Layout(s, header, idColumn, dateColumn, amountColumn, zone);
    }

    public Layout withHeader(Header h) {
      return new Layout(separator, h, idColumn, dateColumn, amountColumn, zone);
    }

    /** Replaces the column references that are not null. */
    public Layout withColumns(String id, String date, String amount) {
      return new Layout(separator, header, id != null ? id : idColumn, date != null ? date : dateColumn,
          amount != null ? amount : amountColumn, zone);
    }

    public Layout withZone(ZoneId z) {
      return new Layout(separator, header, idColumn, dateColumn, amountColumn, z);
    }

    boolean usesNames() {
      return !isNumber(idColumn) || !isNumber(dateColumn) || !isNumber(amountColumn);
    }
  }

  private PurchaseFileReader() {}

  /**
   * Reads {@code file}, handing each purchase to {@code sink}.
   *
   * @return the number of purchases read
   * @throws EventLogException for a bad line or a file without purchases
   * @throws IOException if the file cannot be read
   */
  public static long read(Path file, Layout layout, Consumer<Purchase> sink) throws IOException {
    // strict UTF-8, line by line: a bad byte is reported with its line, not as a bare MalformedInputException
    try (Utf8Lines in = Utf8Lines.open(file)) {
      return read(in::readLine, file.toString(), layout, sink);
    }
  }

  /** Reads purchases from {@code in}; {@code name} is used in error messages. */
  public static long read(BufferedReader in, String name, Layout layout, Consumer<Purchase> sink) throws IOException {
    return read(in::readLine, name, layout, sink);
  }

  /** Where the lines come from: a reader of decoded text, or a strict UTF-8 file. */
  private interface LineSource {
    String readLine() throws IOException;
  }

  private static long read(LineSource in, String name, Layout layout, Consumer<Purchase> sink) throws IOException {
    if (layout.usesNames() && layout.header() == Header.ABSENT) {
      throw new EventLogException(name, 0, null, "columns are given by name but the layout says the file has no header");
    }
    Separator sep = layout.separator();
    int idCol = -1;
    int dateCol = -1;
    int amountCol = -1;
    boolean first = true;
    long lineNo = 0;
    long count = 0;
    String line;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (lineNo == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
      if (sep == Separator.AUTO) sep = detect(trimmed);
      List<String> fields = split(trimmed, sep);
      if (first) {
        first = false;
        boolean header = switch (layout.header()) {
          case PRESENT -> true;
          case ABSENT -> false;
          case AUTO -> layout.usesNames()
              || (!looksLikeDate(fieldOrNull(fields, layout.dateColumn())) && !looksLikeNumber(fieldOrNull(fields, layout.amountColumn())));
        };
        idCol = resolve(name, lineNo, "id", layout.idColumn(), header ? fields : null);
        dateCol = resolve(name, lineNo, "date", layout.dateColumn(), header ? fields : null);
        amountCol = resolve(name, lineNo, "amount", layout.amountColumn(), header ? fields : null);
        if (header) continue;
      }
      String id = field(name, lineNo, fields, idCol, "id");
      if (id.isEmpty()) throw new EventLogException(name, lineNo, "id", "empty customer id");
      LocalDate date = parseDate(name, lineNo, field(name, lineNo, fields, dateCol, "date"), layout.zone());
      double amount = parseAmount(name, lineNo, field(name, lineNo, fields, amountCol, "amount"));
      sink.accept(new Purchase(id, date, amount));
      count++;
    }
    if (count == 0) {
      throw new EventLogException(name, 0, null, lineNo == 0 ? "the file is empty: no purchases" : "no purchase lines (only a header, blanks or comments)");
    }
    return count;
  }

  /**
   * Parses {@code YYYYMMDD}, or an ISO date or date-time ({@link Timestamps}); a date-time is
   * dated in {@code zone} (one without an offset keeps its own date).
   *
   * @throws DateTimeException or IllegalArgumentException if the text is neither
   */
  public static LocalDate parseDate(String text, ZoneId zone) {
    String s = text.strip();
    if (s.length() == 8 && s.chars().allMatch(Character::isDigit)) {
      return LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)), Integer.parseInt(s.substring(6)));
    }
    return LocalDate.ofInstant(Timestamps.parse(s, zone), zone);
  }

  private static LocalDate parseDate(String file, long line, String text, ZoneId zone) {
    try {
      return parseDate(text, zone);
    } catch (DateTimeException | IllegalArgumentException e) {
      throw new EventLogException(file, line, "date", "not a date: '" + text + "' (expected YYYYMMDD, YYYY-MM-DD or an ISO 8601 date-time)");
    }
  }

  private static double parseAmount(String file, long line, String text) {
    double v;
    try {
      v = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new EventLogException(file, line, "amount", "not a number: '" + text + "'");
    }
    if (!Double.isFinite(v)) throw new EventLogException(file, line, "amount", "not a finite number: '" + text + "'");
    if (v < 0) {
      throw new EventLogException(file, line, "amount", "negative amount " + text + ": purchases must be >= 0 (leave refunds out of the file)");
    }
    return v;
  }

  private static boolean looksLikeDate(String s) {
    if (s == null) return false;
    try {
      parseDate(s, ZoneOffset.UTC);
      return true;
    } catch (DateTimeException | IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean looksLikeNumber(String s) {
    if (s == null) return false;
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String fieldOrNull(List<String> fields, String ref) {
    if (!isNumber(ref)) return null;
    int i = Integer.parseInt(ref) - 1;
    return i < fields.size() ? fields.get(i) : null;
  }

  private static int resolve(String file, long line, String what, String ref, List<String> header) {
    if (isNumber(ref)) return Integer.parseInt(ref) - 1;
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).equalsIgnoreCase(ref)) return i;
    }
    throw new EventLogException(file, line, what, "no column named '" + ref + "' in the header " + header);
  }

  private static String field(String file, long line, List<String> fields, int col, String what) {
    if (col >= fields.size()) {
      throw new EventLogException(file, line, what, "missing: the line has " + fields.size() + " field(s), the " + what + " is expected in field " + (col + 1));
    }
    return fields.get(col).strip();
  }

  /** The first of comma, semicolon, tab found outside double quotes, else whitespace. */
  private static Separator detect(String line) {
    String unquoted = line.replaceAll("\"[^\"]*\"", "");
    if (unquoted.indexOf(',') >= 0) return Separator.COMMA;
    if (unquoted.indexOf(';') >= 0) return Separator.SEMICOLON;
    if (unquoted.indexOf('\t') >= 0) return Separator.TAB;
    return Separator.WHITESPACE;
  }

  /** Splits one line; comma, semicolon and tab fields may be double-quoted ("" is a quote). */
  static List<String> split(String line, Separator sep) {
    List<String> out = new ArrayList<>();
    if (sep == Separator.WHITESPACE) {
      for (String f : line.split("\\s+")) out.add(f);
      return out;
    }
    char d = switch (sep) {
      case COMMA -> ',';
      case SEMICOLON -> ';';
      default -> '\t';
    };
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cur.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == d) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    out.add(cur.toString());
    return out;
  }

  private static boolean isNumber(String s) {
    return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
  }
}
