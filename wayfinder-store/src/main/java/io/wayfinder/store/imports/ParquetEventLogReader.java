package io.wayfinder.store.imports;

import io.wayfinder.core.eventlog.ColumnMapping;
import io.wayfinder.core.eventlog.EventLogException;
import io.wayfinder.core.eventlog.EventLogReader;
import io.wayfinder.core.eventlog.LogEvent;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads a Parquet event log through an in-memory DuckDB (which reads Parquet natively), with
 * the same column mapping as CSV. The position of an event is its row number (1-based).
 */
final class ParquetEventLogReader implements EventLogReader {
  private final String file;
  private final ColumnMapping mapping;
  private final Connection conn;
  private final ResultSet rs;
  private final String[] names;
  private final int caseIdx;
  private final int activityIdx;
  private final int timeIdx;
  private final int lifecycleIdx;
  private long row;
  private LogEvent next;

  ParquetEventLogReader(String file, ColumnMapping mapping) {
    this.file = file;
    this.mapping = mapping;
    try {
      conn = DriverManager.getConnection("jdbc:duckdb:");
      PreparedStatement ps = conn.prepareStatement("SELECT * FROM read_parquet(?)");
      ps.setString(1, file);
      rs = ps.executeQuery();
      ResultSetMetaData md = rs.getMetaData();
      names = new String[md.getColumnCount()];
      for (int i = 0; i < names.length; i++) names[i] = md.getColumnName(i + 1);
    } catch (SQLException e) {
      throw new EventLogException(file, 0, null, "cannot read Parquet: " + e.getMessage());
    }
    caseIdx = index(mapping.caseColumn(), true);
    activityIdx = index(mapping.activityColumn(), true);
    timeIdx = index(mapping.timestampColumn(), true);
    lifecycleIdx = index(mapping.lifecycleColumn(), false);
  }

  private int index(String column, boolean required) {
    for (int i = 0; i < names.length; i++) if (names[i].equals(column)) return i + 1;
    if (required) {
      throw new EventLogException(file, 0, column, "no column '" + column + "' in " + String.join(", ", names));
    }
    return -1;
  }

  @Override
  public boolean hasNext() {
    if (next == null) next = read();
    return next != null;
  }

  @Override
  public LogEvent next() {
    if (!hasNext()) throw new NoSuchElementException();
    LogEvent e = next;
    next = null;
    return e;
  }

  private LogEvent read() {
    try {
      if (!rs.next()) return null;
      row++;
      String caseId = required(caseIdx);
      String activity = required(activityIdx);
      Instant ts = timestamp(rs.getObject(timeIdx));
      Map<String, String> attrs = new HashMap<>();
      for (int i = 1; i <= names.length; i++) {
        if (i == caseIdx || i == activityIdx || i == timeIdx || i == lifecycleIdx) continue;
        String v = rs.getString(i);
        if (v != null && !v.isEmpty()) attrs.put(names[i - 1], v);
      }
      return new LogEvent(row, caseId, activity, ts, lifecycleIdx < 0 ? null : rs.getString(lifecycleIdx), attrs);
    } catch (SQLException e) {
      throw new EventLogException(file, row, null, "cannot read Parquet row: " + e.getMessage());
    }
  }

  private String required(int idx) throws SQLException {
    String v = rs.getString(idx);
    if (v == null || v.isEmpty()) throw new EventLogException(file, row, names[idx - 1], "empty value");
    return v;
  }

  private Instant timestamp(Object v) {
    if (v instanceof OffsetDateTime o) return o.toInstant();
    if (v instanceof LocalDateTime l) return l.atZone(mapping.defaultZone()).toInstant();
    if (v instanceof java.sql.Timestamp t) return t.toLocalDateTime().atZone(mapping.defaultZone()).toInstant();
    if (v == null) throw new EventLogException(file, row, mapping.timestampColumn(), "empty value");
    String s = v.toString();
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(s).atZone(mapping.defaultZone()).toInstant();
      } catch (DateTimeParseException e2) {
        throw new EventLogException(file, row, mapping.timestampColumn(), "'" + s + "' is not an ISO-8601 timestamp");
      }
    }
  }

  @Override
  public void close() {
    try {
      rs.close();
      conn.close();
    } catch (SQLException e) {
      throw new EventLogException(file, row, null, "close failed: " + e.getMessage());
    }
  }
}
