package io.wayfinder.store.voc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Small JDBC helpers for nullable values. */
final class Sql {
  private Sql() {}

  static void set(PreparedStatement ps, int i, Object v) throws SQLException {
    if (v == null) ps.setObject(i, null);
    else if (v instanceof Instant t) ps.setObject(i, t.atOffset(ZoneOffset.UTC));
    else ps.setObject(i, v);
  }

  static void setAll(PreparedStatement ps, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) set(ps, i + 1, values[i]);
  }

  static Instant instant(ResultSet rs, int i) throws SQLException {
    OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static Long longOrNull(ResultSet rs, int i) throws SQLException {
    long v = rs.getLong(i);
    return rs.wasNull() ? null : v;
  }

  static Integer intOrNull(ResultSet rs, int i) throws SQLException {
    int v = rs.getInt(i);
    return rs.wasNull() ? null : v;
  }
}
