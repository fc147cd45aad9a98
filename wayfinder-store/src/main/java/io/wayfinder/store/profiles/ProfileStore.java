package io.wayfinder.store.profiles;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wayfinder.core.identity.Identity;
import io.wayfinder.core.profile.Profile;
import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads profiles: identities, current traits and consent, activity summary and timeline. */
public final class ProfileStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
  // The profile and every profile merged into it, transitively.
  private static final String MEMBERS = "WITH RECURSIVE members(id) AS (SELECT CAST(? AS BIGINT) "
      + "UNION SELECT p.id FROM profiles p JOIN members m ON p.merged_into = m.id) ";

  private final Database db;

  public ProfileStore(Database db) {
    this.db = db;
  }

  /**
   * Finds a profile by its number, or by any of its identifiers (user id, anonymous id, e-mail);
   * a merged profile's number leads to the profile it was merged into.
   */
  public Optional<Profile> find(String ref, int timelineLimit) {
    try (Connection c = db.connect()) {
      long id = resolve(c, ref);
      return id == 0 ? Optional.empty() : Optional.of(load(c, id, timelineLimit));
    } catch (SQLException e) {
      throw new StoreException("cannot read profile: " + e.getMessage(), e);
    }
  }

  private long resolve(Connection c, String ref) throws SQLException {
    long id = 0;
    if (ref.matches("\\d{1,18}")) id = one(c, "SELECT id FROM profiles WHERE id = ?", Long.parseLong(ref));
    if (id == 0) {
      id = one(c, "SELECT profile_id FROM identities WHERE value = ? AND kind IN ('user_id','anonymous_id','email') "
          + "ORDER BY CASE kind WHEN 'user_id' THEN 0 WHEN 'email' THEN 1 ELSE 2 END LIMIT 1", ref);
    }
    return followMerges(c, id);
  }

  /**
   * The current profile of an identifier ({@code user_id}, {@code anonymous_id}, {@code email}),
   * merges followed, or 0 when nobody has it yet.
   */
  public static long currentProfile(Connection c, String kind, String value) throws SQLException {
    return followMerges(c, one(c, "SELECT profile_id FROM identities WHERE kind = ? AND value = ? LIMIT 1", kind, value));
  }

  private static long followMerges(Connection c, long id) throws SQLException {
    for (long next = id; next != 0; next = one(c, "SELECT coalesce(merged_into, 0) FROM profiles WHERE id = ?", id)) {
      id = next;
    }
    return id;
  }

  private Profile load(Connection c, long id, int timelineLimit) throws SQLException {
    List<Identity> identities = new ArrayList<>();
    String userId = null;
    try (PreparedStatement ps = c.prepareStatement(MEMBERS
        + "SELECT kind, value FROM identities WHERE profile_id IN (SELECT id FROM members) ORDER BY first_seen, kind, value")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          identities.add(new Identity(rs.getString(1), rs.getString(2)));
          if (userId == null && Identity.USER_ID.equals(rs.getString(1))) userId = rs.getString(2);
        }
      }
    }
    Map<String, Object> traits = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(MEMBERS + "SELECT trait, arg_max(value, set_at) FROM trait_history "
        + "WHERE profile_id IN (SELECT id FROM members) GROUP BY trait ORDER BY trait")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) traits.put(rs.getString(1), parse(rs.getString(2)));
      }
    }
    Map<String, Boolean> consent = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(MEMBERS + "SELECT category, arg_max(granted, set_at) FROM consent_history "
        + "WHERE profile_id IN (SELECT id FROM members) GROUP BY category ORDER BY category")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) consent.put(rs.getString(1), rs.getBoolean(2));
      }
    }
    List<Long> merged = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(MEMBERS + "SELECT id FROM members WHERE id <> ? ORDER BY id")) {
      ps.setLong(1, id);
      ps.setLong(2, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) merged.add(rs.getLong(1));
      }
    }
    Map<String, Long> byChannel = new LinkedHashMap<>();
    Instant first = null;
    Instant last = null;
    long count = 0;
    try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(channel, '(none)'), count(*), min(ts), max(ts) "
        + "FROM events WHERE profile_id = ? GROUP BY 1 ORDER BY 2 DESC, 1")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byChannel.put(rs.getString(1), rs.getLong(2));
          count += rs.getLong(2);
          Instant lo = rs.getObject(3, OffsetDateTime.class).toInstant();
          Instant hi = rs.getObject(4, OffsetDateTime.class).toInstant();
          first = first == null || lo.isBefore(first) ? lo : first;
          last = last == null || hi.isAfter(last) ? hi : last;
        }
      }
    }
    return new Profile(id, userId, identities, traits, consent, first, last, count, byChannel, merged,
        timeline(c, id, timelineLimit), predictions(c, id));
  }

  private static Profile.Predictions predictions(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT clv, p_alive, expected_purchases, expected_spend, churn_risk, "
        + "value_segment, updated_at FROM profile_predictions WHERE profile_id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return null;
        return new Profile.Predictions(rs.getObject(1, Double.class), rs.getObject(2, Double.class), rs.getObject(3, Double.class),
            rs.getObject(4, Double.class), rs.getObject(5, Double.class), rs.getString(6),
            rs.getObject(7, OffsetDateTime.class).toInstant());
      }
    }
  }

  private List<Profile.TimelineEntry> timeline(Connection c, long id, int limit) throws SQLException {
    List<Profile.TimelineEntry> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT id, type, name, channel, touchpoint, ts, source, properties "
        + "FROM events WHERE profile_id = ? ORDER BY ts DESC, id DESC LIMIT ?")) {
      ps.setLong(1, id);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Object props = parse(rs.getString(8));
          out.add(new Profile.TimelineEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7),
              props instanceof Map<?, ?> ? toMap(rs.getString(8)) : Map.of()));
        }
      }
    }
    return out;
  }

  private static long one(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  private static Object parse(String json) {
    if (json == null) return null;
    try {
      return JSON.readValue(json, Object.class);
    } catch (IOException e) {
      return json;
    }
  }

  private static Map<String, Object> toMap(String json) {
    try {
      return JSON.readValue(json, MAP);
    } catch (IOException e) {
      return Map.of();
    }
  }

  /** Profile numbers of the first {@code limit} profiles, most active first (for listings). */
  public List<Long> mostActive(int limit) {
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
        "SELECT profile_id FROM events GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ?")) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        List<Long> out = new ArrayList<>();
        while (rs.next()) out.add(rs.getLong(1));
        return out;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot list profiles: " + e.getMessage(), e);
    }
  }

}
