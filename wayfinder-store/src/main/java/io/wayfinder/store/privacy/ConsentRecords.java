package io.wayfinder.store.privacy;

import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import io.wayfinder.store.collect.EventWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A customer's consent as the management API reads and writes it: current state, history and refusals. */
public final class ConsentRecords {
  /** One change of consent. */
  public record Change(String category, boolean granted, Instant setAt, String messageId) {}

  /** One action not taken for want of consent. */
  public record Refusal(String purpose, String action, Instant refusedAt) {}

  /** What the store holds about one customer's consent. */
  public record View(String userId, long profileId, Map<String, Boolean> current, List<Change> history, long refusals,
      Map<String, Long> refusalsByPurpose, List<Refusal> recentRefusals) {}

  private static final String FAMILY = "WITH RECURSIVE down(id) AS (SELECT ?::BIGINT UNION SELECT p.id FROM profiles p "
      + "JOIN down ON p.merged_into = down.id) ";

  private final Database db;
  private final EventWriter writer;

  public ConsentRecords(Database db, EventWriter writer) {
    this.db = db;
    this.writer = writer;
  }

  /** Records a change of consent for a known customer (in the writer, so it orders with collected consent); empty when unknown. */
  public Optional<View> set(String userId, Map<String, Boolean> categories) {
    long profile = profileOf(userId);
    if (profile == 0) return Optional.empty();
    writer.runBulk(s -> {
      try (PreparedStatement ps = s.connection().prepareStatement("INSERT INTO consent_history VALUES (?, ?, ?, now(), NULL)")) {
        for (Map.Entry<String, Boolean> e : categories.entrySet()) {
          ps.setLong(1, profile);
          ps.setString(2, e.getKey());
          ps.setBoolean(3, e.getValue());
          ps.execute();
        }
      }
    });
    return view(userId);
  }

  /** The customer's consent, or empty when no profile has this user id. */
  public Optional<View> view(String userId) {
    long profile = profileOf(userId);
    if (profile == 0) return Optional.empty();
    try (Connection c = db.connect()) {
      List<Change> history = new ArrayList<>();
      Map<String, Boolean> current = new LinkedHashMap<>();
      try (PreparedStatement ps = c.prepareStatement(FAMILY + "SELECT category, granted, set_at, message_id FROM consent_history "
          + "WHERE profile_id IN (SELECT id FROM down) ORDER BY set_at, rowid")) {
        ps.setLong(1, profile);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Change ch = new Change(rs.getString(1), rs.getBoolean(2), instant(rs, 3), rs.getString(4));
            history.add(ch);
            current.put(ch.category().toLowerCase(java.util.Locale.ROOT), ch.granted());
          }
        }
      }
      Map<String, Long> byPurpose = new LinkedHashMap<>();
      long total = 0;
      try (PreparedStatement ps = c.prepareStatement(FAMILY + "SELECT purpose, count(*) FROM consent_refusals "
          + "WHERE profile_id IN (SELECT id FROM down) GROUP BY 1 ORDER BY 1")) {
        ps.setLong(1, profile);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            byPurpose.put(rs.getString(1), rs.getLong(2));
            total += rs.getLong(2);
          }
        }
      }
      List<Refusal> recent = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(FAMILY + "SELECT purpose, action, refused_at FROM consent_refusals "
          + "WHERE profile_id IN (SELECT id FROM down) ORDER BY refused_at DESC LIMIT 50")) {
        ps.setLong(1, profile);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) recent.add(new Refusal(rs.getString(1), rs.getString(2), instant(rs, 3)));
        }
      }
      return Optional.of(new View(userId, profile, current, history, total, byPurpose, recent));
    } catch (SQLException e) {
      throw new StoreException("cannot read consent: " + e.getMessage(), e);
    }
  }

  /** The canonical profile of a user id, 0 when unknown. */
  private long profileOf(String userId) {
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("""
        WITH RECURSIVE up(id) AS (SELECT profile_id FROM identities WHERE kind = 'user_id' AND value = ?
          UNION SELECT p.merged_into FROM profiles p JOIN up ON p.id = up.id WHERE p.merged_into IS NOT NULL)
        SELECT u.id FROM up u JOIN profiles p ON p.id = u.id WHERE p.merged_into IS NULL LIMIT 1""")) {
      ps.setString(1, userId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot find the customer: " + e.getMessage(), e);
    }
  }

  private static Instant instant(ResultSet rs, int col) throws SQLException {
    var t = rs.getObject(col, java.time.OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
