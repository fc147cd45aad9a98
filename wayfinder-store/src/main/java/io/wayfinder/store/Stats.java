package io.wayfinder.store;

import io.wayfinder.core.event.EventTimeRange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts over the whole store, for {@code GET /api/stats} and {@code wayfinder stats}.
 * {@code windowEnd} is the latest event inside {@link EventTimeRange} as of now: where default
 * report windows end, so that an outlier stored far in the future (before that range was enforced)
 * does not leave them empty. {@code lastEvent} is the true maximum.
 */
public record Stats(
    long events, long profiles, long sources, long identities, long merges, long refusedMerges,
    Instant firstEvent, Instant lastEvent, Instant windowEnd, Map<String, Long> eventsByChannel, Map<String, Long> eventsByType) {

  public static Stats read(Database db) {
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      long events;
      Instant first = null;
      Instant last = null;
      Instant windowEnd = null;
      try (PreparedStatement ps = c.prepareStatement("SELECT count(*), min(ts), max(ts), max(ts) FILTER (WHERE ts <= ?) FROM events")) {
        ps.setObject(1, EventTimeRange.latest(Instant.now()).atOffset(ZoneOffset.UTC));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          events = rs.getLong(1);
          first = instant(rs.getObject(2, OffsetDateTime.class));
          last = instant(rs.getObject(3, OffsetDateTime.class));
          windowEnd = instant(rs.getObject(4, OffsetDateTime.class));
        }
      }
      return new Stats(events,
          count(st, "SELECT count(*) FROM profiles WHERE merged_into IS NULL"),
          count(st, "SELECT count(*) FROM sources"),
          count(st, "SELECT count(*) FROM identities"),
          count(st, "SELECT count(*) FROM identity_merges WHERE status = 'merged'"),
          count(st, "SELECT count(*) FROM identity_merges WHERE status = 'refused'"),
          first, last, windowEnd,
          grouped(st, "SELECT coalesce(channel, '(none)'), count(*) FROM events GROUP BY 1 ORDER BY 2 DESC"),
          grouped(st, "SELECT type, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC"));
    } catch (SQLException e) {
      throw new StoreException("cannot read stats: " + e.getMessage(), e);
    }
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
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
