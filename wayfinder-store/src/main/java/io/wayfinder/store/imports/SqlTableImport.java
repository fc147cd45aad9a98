package io.wayfinder.store.imports;

import io.wayfinder.core.event.EventTimeRange;
import java.time.Instant;
import io.wayfinder.core.eventlog.EventLogException;
import io.wayfinder.core.eventlog.Utf8Lines;
import io.wayfinder.store.collect.BulkSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.duckdb.DuckDBConnection;

/**
 * The fast path for tabular files (CSV, Parquet): DuckDB reads the file in parallel into a
 * staging table, validation is a query, customers are resolved once each, and the events are
 * inserted with one {@code INSERT ... SELECT}. Runs inside the event writer's transaction, so it
 * is all or nothing like every import. Rows already stored by an earlier import of the same
 * content are counted as duplicates and not stored again.
 *
 * <p>Line numbers assume one line per record (a quoted field spanning lines shifts them).
 *
 * <p>The staging table names the file's columns {@code c1, c2, …} whatever the header says, so a
 * column called {@code rowid} or {@code __wf_ts} cannot shadow the row number or the parsed time.
 */
final class SqlTableImport {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SqlTableImport.class);
  private final Path path;
  private final String file;
  private final ImportFormat format;
  private final ImportSpec spec;
  private final ImportSettingNames names;
  private final String sourceName;
  private final String defaultChannel;
  private final RejectFile rejects;
  private final List<ImportResult.Reject> kept;
  private final int maxLineBytes;
  /** The file's column names, in order; column i is staged as {@code c(i+1)}. */
  private List<String> columns;

  long rows;
  long rejected;
  long duplicates;
  long customers;
  private long base;
  private static final String PARSED_TS = "__wf_ts";
  /** Prefix of the message ids of imported rows (see {@link ImportedRowIds}). */
  private static final String ID_PREFIX = ImportedRowIds.PREFIX;
  /**
   * A row's message id: a hash of its line number and its whole content, so importing the same
   * file again finds every row already stored (duplicates), while a file with rows appended
   * imports only the new ones. Must be deterministic: it is computed again on every import.
   */
  private String messageIdSql() {
    return "'" + ID_PREFIX + "' || md5((s.rowid - " + base + " + 2)::VARCHAR || chr(31) || to_json(s)::VARCHAR)";
  }

  SqlTableImport(Path path, ImportFormat format, ImportSpec spec, ImportSettingNames names, String sourceName,
      String defaultChannel, RejectFile rejects, List<ImportResult.Reject> kept, int maxLineBytes) {
    this.path = path;
    this.file = path.toString();
    this.format = format;
    this.spec = spec;
    this.names = names;
    this.sourceName = sourceName;
    this.defaultChannel = defaultChannel;
    this.rejects = rejects;
    this.kept = kept;
    this.maxLineBytes = maxLineBytes;
  }

  void run(BulkSession session) throws SQLException {
    long t0 = System.nanoTime();
    DuckDBConnection c = session.connection();
    try (Statement st = c.createStatement()) {
      st.execute("SET TimeZone = 'UTC'");
      st.execute("DROP TABLE IF EXISTS wf_stage");
      st.execute("DROP TABLE IF EXISTS wf_customer");
      st.execute("DROP TABLE IF EXISTS wf_map");
      String source = source();
      columns = columns(st, source);
      String cs = require(columns, spec.mapping().caseColumn(), "case", names.customer());
      String act = require(columns, spec.mapping().activityColumn(), "activity", names.activity());
      String ts = require(columns, spec.mapping().timestampColumn(), "timestamp", names.timestamp());
      stage(st, source, spec.mapping().timestampColumn());
      long t1 = System.nanoTime();
      String ch = spec.channelColumn() != null && columns.contains(spec.channelColumn()) ? staged(spec.channelColumn()) : null;
      String tp = columns.contains("touchpoint") ? staged("touchpoint") : null;
      rows = count(st, "SELECT count(*) FROM wf_stage") + rejected;
      // Rows of a table created in this transaction have rowids from a large base; line = rowid - base + 2.
      base = count(st, "SELECT coalesce(min(rowid), 0) FROM wf_stage");
      validate(st, cs, act, ts);
      long t2 = System.nanoTime();
      resolveCustomers(session, st, cs);
      long t3 = System.nanoTime();
      long maxRow = count(st, "SELECT coalesce(max(rowid) - " + base + ", -1) + 1 FROM wf_stage");
      long firstId = session.reserveEventIds(maxRow);
      List<String> others = new ArrayList<>(columns);
      others.removeAll(List.of(spec.mapping().caseColumn(), spec.mapping().activityColumn(), spec.mapping().timestampColumn()));
      if (ch != null) others.remove(spec.channelColumn());
      if (tp != null) others.remove("touchpoint");
      String sql = "INSERT INTO events (id, message_id, type, name, profile_id, anonymous_id, user_id, channel, touchpoint, "
          + "ts, received_at, properties, context, source, origin_profile_id) "
          + "SELECT " + (firstId - base) + " + s.rowid, " + messageIdSql() + ", 'track', s." + act + ", m.profile_id, NULL, s." + cs + ", "
          + (ch == null ? "?" : "coalesce(nullif(s." + ch + ", ''), ?)") + ", "
          + (tp == null ? "s." + act : "coalesce(nullif(s." + tp + ", ''), s." + act + ")") + ", "
          + "s." + PARSED_TS + ", now(), " + properties(others) + ", NULL, ?, m.profile_id "
          + "FROM wf_stage s JOIN wf_map m ON m.customer = s." + cs
          + " WHERE " + messageIdSql() + " NOT IN (SELECT message_id FROM events WHERE message_id LIKE '" + ID_PREFIX + "%')";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, defaultChannel);
        ps.setString(2, sourceName);
        long written = ps.executeUpdate();
        session.countWritten(written);
        duplicates = rows - rejected - written;
      }
      long t4 = System.nanoTime();
      log.debug("import {}: stage {} ms, validate {} ms, customers {} ms, insert {} ms", file, (t1 - t0) / 1_000_000,
          (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000);
      st.execute("DROP TABLE wf_stage");
      st.execute("DROP TABLE wf_customer");
      st.execute("DROP TABLE wf_map");
    }
  }

  private String source() {
    String path = literal(file);
    return format == ImportFormat.PARQUET
        ? "SELECT COLUMNS(*)::VARCHAR FROM read_parquet(" + path + ")"
        : "SELECT * FROM read_csv(" + path + ", header = true, all_varchar = true, max_line_size = " + maxLineBytes
            + (spec.skipBadRows() ? ", ignore_errors = true, store_rejects = true" : "") + ")";
  }

  /** Reads the file into the staging table, parsing the timestamp once ({@code __wf_ts}, null when invalid). */
  private void stage(Statement st, String source, String timestampColumn) throws SQLException {
    StringBuilder select = new StringBuilder();
    for (String column : columns) select.append(q(column)).append(" AS ").append(staged(column)).append(", ");
    try {
      st.execute("CREATE TEMP TABLE wf_stage AS SELECT " + select + "TRY_CAST(" + q(timestampColumn) + " AS TIMESTAMPTZ) AS " + PARSED_TS
          + " FROM (" + source + ")");
    } catch (SQLException e) {
      throw unreadable(e);
    }
    if (spec.skipBadRows() && format == ImportFormat.CSV) {
      try (ResultSet rs = st.executeQuery("SELECT line, column_name, error_message FROM reject_errors ORDER BY line")) {
        while (rs.next()) reject(rs.getLong(1), rs.getString(2), firstLine(rs.getString(3)));
      }
    }
  }

  private void validate(Statement st, String cs, String act, String ts) throws SQLException {
    // the range every way in shares (EventTimeRange), as the API checks it
    Instant now = Instant.now();
    String outOfRange = PARSED_TS + " NOT BETWEEN " + literal(EventTimeRange.EARLIEST.toString()) + "::TIMESTAMPTZ AND "
        + literal(EventTimeRange.latest(now).toString()) + "::TIMESTAMPTZ";
    String problem = "CASE WHEN coalesce(" + cs + ", '') = '' THEN " + literal(spec.mapping().caseColumn())
        + " WHEN coalesce(" + act + ", '') = '' THEN " + literal(spec.mapping().activityColumn())
        + " WHEN " + PARSED_TS + " IS NULL OR " + outOfRange + " THEN " + literal(spec.mapping().timestampColumn()) + " END";
    String bad = "SELECT rowid - " + base + " + 2 AS line, " + problem + " AS field, " + ts + " AS tsv, "
        + PARSED_TS + " IS NOT NULL AS parsed FROM wf_stage WHERE (" + problem + ") IS NOT NULL";
    try (ResultSet rs = st.executeQuery(bad + " ORDER BY rowid" + (spec.skipBadRows() ? "" : " LIMIT 1"))) {
      while (rs.next()) {
        String field = rs.getString(2);
        String value = rs.getString(3);
        String reason = !field.equals(spec.mapping().timestampColumn()) || value == null || value.isEmpty() ? "empty value"
            : rs.getBoolean(4) ? "'" + value + "' is out of range: stored timestamps are " + EventTimeRange.describe(now)
            : "'" + value + "' is not an ISO-8601 timestamp";
        if (!spec.skipBadRows()) throw new EventLogException(file, rs.getLong(1), field, reason);
        reject(rs.getLong(1), field, reason);
      }
    }
    if (spec.skipBadRows()) st.execute("DELETE FROM wf_stage WHERE (" + problem + ") IS NOT NULL");
  }

  private void resolveCustomers(BulkSession session, Statement st, String cs) throws SQLException {
    dropSuppressed(session, st, cs);
    st.execute("CREATE TEMP TABLE wf_customer AS SELECT " + cs + " AS customer, min(" + PARSED_TS
        + ") AS first_seen FROM wf_stage GROUP BY 1");
    customers = count(st, "SELECT count(*) FROM wf_customer");
    session.resolveUserIdTable("wf_customer", "wf_map");
  }

  /** Drops (and counts) the rows of suppressed customers: a regulation said never to store them again. */
  private static void dropSuppressed(BulkSession session, Statement st, String cs) throws SQLException {
    String hash = "sha256('user_id:' || " + cs + ")";
    try (ResultSet rs = st.executeQuery("SELECT " + hash + " AS h, count(*) FROM wf_stage WHERE " + hash
        + " IN (SELECT hash FROM suppressions) GROUP BY 1")) {
      while (rs.next()) session.countSuppressed(rs.getString(1), rs.getLong(2));
    }
    st.execute("DELETE FROM wf_stage WHERE " + hash + " IN (SELECT hash FROM suppressions)");
  }

  private String properties(List<String> others) {
    if (others.isEmpty()) return "NULL";
    String entries = others.stream().map(o -> "{'k': " + literal(o) + ", 'v': s." + staged(o) + "}").collect(Collectors.joining(", "));
    return "nullif(to_json(map_from_entries(list_filter([" + entries + "], lambda x: coalesce(x.v, '') <> ''))), '{}')";
  }

  private void reject(long line, String field, String reason) {
    rejected++;
    EventLogException e = new EventLogException(file, line, field, reason);
    rejects.write(e);
    if (kept.size() < 100) kept.add(new ImportResult.Reject(line, field, reason));
  }

  private String require(List<String> columns, String column, String role, String setting) {
    if (!columns.contains(column)) {
      throw new EventLogException(file, 1, column, "no " + role + " column '" + column + "' in the header " + columns
          + " (name it with " + ImportSettingNames.refer(setting) + ")");
    }
    return staged(column);
  }

  /** The staging table's name for the file's column {@code column} (DuckDB makes the names unique). */
  private String staged(String column) {
    return "c" + (columns.indexOf(column) + 1);
  }

  /**
   * A file DuckDB cannot read. Its message for bytes that are not UTF-8 says neither which byte
   * nor where (and, while sniffing, not even that), so a CSV is checked line by line first.
   */
  private EventLogException unreadable(SQLException e) {
    if (format == ImportFormat.CSV) {
      try (InputStream in = Files.newInputStream(path)) {
        boolean gzip = file.toLowerCase(Locale.ROOT).endsWith(".gz");
        Utf8Lines.check(gzip ? new GZIPInputStream(in) : in, file);
      } catch (IOException | UncheckedIOException notText) {
        // not readable as text at all: DuckDB's own message is the better one
      }
    }
    return new EventLogException(file, lineOf(e.getMessage()), null, firstLine(e.getMessage()));
  }

  private List<String> columns(Statement st, String source) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery("DESCRIBE " + source)) {
      while (rs.next()) out.add(rs.getString(1));
    } catch (SQLException e) {
      throw unreadable(e);
    }
    for (int i = 0; i < out.size(); i++) {
      // a NUL cannot travel inside SQL text, where the names go as the properties' keys
      if (out.get(i).indexOf('\0') >= 0) {
        throw new EventLogException(file, 1, null, "column " + (i + 1) + " of the header has a NUL character in its name");
      }
    }
    return out;
  }

  private static long count(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long lineOf(String message) {
    var m = java.util.regex.Pattern.compile("(?i)line:? *(\\d+)").matcher(String.valueOf(message));
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  private static String firstLine(String s) {
    if (s == null) return "unreadable";
    String t = s.replaceFirst("^[A-Za-z ]+Error: ", "");
    int nl = t.indexOf('\n');
    return (nl < 0 ? t : t.substring(0, nl)).trim();
  }

  static String q(String ident) {
    return "\"" + ident.replace("\"", "\"\"") + "\"";
  }

  static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  static boolean handles(ImportFormat f) {
    return f == ImportFormat.CSV || f == ImportFormat.PARQUET;
  }
}
