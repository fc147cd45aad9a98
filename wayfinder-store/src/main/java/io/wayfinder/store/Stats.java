package io.wayfinder.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts over the whole store, for {@code GET /api/stats} and {@code wayfinder stats}.
 * {@code dataEnd} is where the history ends ({@link DataEnd}): the last event, unless a thin tail
 * of events follows a long silence; the pages' "last N days" end there.
 */
public record Stats(
    long events, long profiles, long sources, long identities, long merges, long refusedMerges,
    Instant firstEvent, Instant lastEvent, Instant dataEnd, Map<String, Long> eventsByChannel, Map<String, Long> eventsByType) {

  public static Stats read(Database db) {
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      long events;
      Instant first = null;
      Instant last = null;
      try (ResultSet rs = st.executeQuery("SELECT count(*), min(ts), max(ts) FROM events")) {
        rs.next();
        events = rs.getLong(1);
        OffsetDateTime lo = rs.getObject(2, OffsetDateTime.class);
        OffsetDateTime hi = rs.getObject(3, OffsetDateTime.class);
        first = lo == null ? null : lo.toInstant();
        last = hi == null ? null : hi.toInstant();
      }
      return new Stats(events,
          count(st, "SELECT count(*) FROM profiles WHERE merged_into IS NULL"),
          count(st, "SELECT count(*) FROM sources"),
          count(st, "SELECT count(*) FROM identities"),
          count(st, "SELECT count(*) FROM identity_merges WHERE status = 'merged'"),
          count(st, "SELECT count(*) FROM identity_merges WHERE status = 'refused'"),
          first, last, last == null ? null : DataEnd.of(db),
          grouped(st, "SELECT coalesce(channel, '(none)'), count(*) FROM events GROUP BY 1 ORDER BY 2 DESC"),
          grouped(st, "SELECT type, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC"));
    } catch (SQLException e) {
      throw new StoreException("cannot read stats: " + e.getMessage(), e);
    }
  }

  private static long count(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Map<String, Long> grouped(Statement st, String sql) throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    try (ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
    }
    return out;
  }
}
