package io.wayfinder.server.web;

import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a read query and returns its rows as maps (column label to value; timestamps as ISO text). */
final class Sql {
  private Sql() {}

  static List<Map<String, Object>> rows(Database db, String sql, List<Object> args) {
    List<Map<String, Object>> out = new ArrayList<>();
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        Object a = args.get(i);
        ps.setObject(i + 1, a instanceof java.time.Instant t ? t.atOffset(java.time.ZoneOffset.UTC) : a);
      }
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            Object v = rs.getObject(i);
            if (v instanceof OffsetDateTime t) v = t.toInstant().toString();
            else if (v instanceof java.sql.Timestamp t) v = t.toInstant().toString();
            else if (v instanceof java.math.BigInteger b) v = b.longValue();
            else if (v instanceof java.sql.Array a) v = java.util.Arrays.asList((Object[]) a.getArray());
            row.put(md.getColumnLabel(i), v);
          }
          out.add(row);
        }
      }
    } catch (SQLException e) {
      throw new StoreException("query failed: " + e.getMessage(), e);
    }
    return out;
  }
}
