package io.wayfinder.store.voc;

import io.wayfinder.core.voc.drivers.JourneyStep;
import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads from the event log what sentiment and driver analysis need. */
public final class VocEvents {
  /** A free-text comment with where in the journey it was left. */
  public record Comment(String journey, String stage, String touchpoint, String text) {}

  private final Database db;

  public VocEvents(Database db) {
    this.db = db;
  }

  /** An event as survey triggers see it. */
  public record SeenEvent(long id, String name, long profileId, String userId, String anonymousId, String channel,
      String touchpoint, Instant timestamp, String journey, String stage) {}

  /** Named events (track, page, screen) after an event id, oldest first; survey answers and feedback excluded. */
  public List<SeenEvent> after(long eventId, int limit) {
    String sql = """
        SELECT id, name, profile_id, user_id, anonymous_id, channel,
               coalesce(json_extract_string(properties, '$.touchpoint'), touchpoint), epoch_ms(ts),
               json_extract_string(properties, '$.journey'), json_extract_string(properties, '$.stage')
        FROM events WHERE id > ? AND type IN ('track', 'page', 'screen') AND name IS NOT NULL
          AND name NOT IN ('Survey Response', 'Feedback Received')
        ORDER BY id LIMIT ?""";
    List<SeenEvent> out = new ArrayList<>();
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, eventId);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new SeenEvent(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
              rs.getString(6), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8)), rs.getString(9), rs.getString(10)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read events: " + e.getMessage(), e);
    }
    return out;
  }

  /** The newest event id, 0 when there is none. */
  /** True when some event names {@code journey} in {@code properties.journey}. */
  public boolean namesJourney(String journey) {
    try (Connection c = db.connect();
        PreparedStatement ps = c.prepareStatement("SELECT 1 FROM events WHERE json_extract_string(properties, '$.journey') = ? LIMIT 1")) {
      ps.setString(1, journey);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read events: " + e.getMessage(), e);
    }
  }

  public long lastEventId() {
    try (Connection c = db.connect(); var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM events")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new StoreException("cannot read events: " + e.getMessage(), e);
    }
  }

  /** Every track event's {@code comment} (survey answers, reviews, complaints, feedback), optionally of one journey. */
  public List<Comment> comments(String journey) {
    String sql = """
        SELECT coalesce(json_extract_string(properties, '$.journey'), ''), coalesce(json_extract_string(properties, '$.stage'), ''),
               coalesce(json_extract_string(properties, '$.touchpoint'), touchpoint, ''), json_extract_string(properties, '$.comment')
        FROM events WHERE type = 'track' AND json_extract_string(properties, '$.comment') IS NOT NULL"""
        + (journey == null ? "" : " AND json_extract_string(properties, '$.journey') = ?") + " ORDER BY id";
    List<Comment> out = new ArrayList<>();
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      if (journey != null) ps.setString(1, journey);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(new Comment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read comments: " + e.getMessage(), e);
    }
    return out;
  }

  /** The events of one journey (by {@code properties.journey}), per customer in time order. */
  public List<JourneyStep> journeySteps(String journey) {
    String sql = """
        SELECT profile_id, CASE WHEN name = 'Survey Response' OR name = 'Feedback Received' THEN NULL ELSE name END,
               channel, epoch_ms(ts), lower(json_extract_string(properties, '$.question_type')),
               %s, json_extract_string(properties, '$.survey')
        FROM events WHERE type IN ('track', 'page', 'screen') AND json_extract_string(properties, '$.journey') = ?
        ORDER BY profile_id, ts, id""".formatted(KpiResponses.wholeScore("json_extract_string(properties, '$.score')"));
    List<JourneyStep> out = new ArrayList<>();
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, journey);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Integer score = Sql.intOrNull(rs, 6);
          out.add(new JourneyStep(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
              score == null ? null : rs.getString(5), score, rs.getString(7)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read journey events: " + e.getMessage(), e);
    }
    return out;
  }
}
