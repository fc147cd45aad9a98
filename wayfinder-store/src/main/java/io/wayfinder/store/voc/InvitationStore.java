package io.wayfinder.store.voc;

import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import io.wayfinder.store.profiles.ProfileStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Survey invitations and the triggers' cursor over the event log. */
public final class InvitationStore {
  private static final String COLUMNS = "token, survey_id, via, profile_id, user_id, anonymous_id, journey, stage, "
      + "touchpoint, channel, trigger_event_id, created_at, send_at, responded_at";

  private final Database db;

  public InvitationStore(Database db) {
    this.db = db;
  }

  /**
   * Stores an invitation made outside the triggers (a link, the widget). The customer's profile is
   * looked up from the user id (else the anonymous id) when they are known, so the quiet period and
   * the response see the same customer as the triggers do.
   */
  public Invitation create(Invitation inv) {
    try (Connection c = db.connect()) {
      Invitation stored = inv.profileId() != null ? inv : inv.withProfile(profileOf(c, inv));
      insert(c, List.of(stored));
      return stored;
    } catch (SQLException e) {
      throw new StoreException("cannot store invitation: " + e.getMessage(), e);
    }
  }

  /** Stores the invitations of one triggering pass and moves the cursor, in one transaction. */
  public void createAll(List<Invitation> invitations, long lastEventId) {
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      try {
        insert(c, invitations);
        try (var st = c.createStatement()) {
          st.execute("DELETE FROM survey_trigger_state");
          st.execute("INSERT INTO survey_trigger_state VALUES (" + lastEventId + ")");
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot store invitations: " + e.getMessage(), e);
    }
  }

  /**
   * The last event id the triggers have seen. The first call starts at the newest event and
   * remembers it: history collected before surveys existed is not surveyed.
   */
  public synchronized long cursor() {
    try (Connection c = db.connect(); var st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT max(last_event_id) FROM survey_trigger_state")) {
        rs.next();
        long v = rs.getLong(1);
        if (!rs.wasNull()) return v;
      }
      st.execute("INSERT INTO survey_trigger_state SELECT coalesce(max(id), 0) FROM events");
      try (ResultSet rs = st.executeQuery("SELECT max(last_event_id) FROM survey_trigger_state")) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the trigger cursor: " + e.getMessage(), e);
    }
  }

  public Optional<Invitation> find(String token) {
    List<Invitation> found = query("WHERE token = ?", token);
    return found.stream().findFirst();
  }

  /** The oldest unanswered invitation of a customer that is due, optionally of one survey. */
  public Optional<Invitation> due(String userId, Long profileId, String surveyId, Instant now) {
    String where = "WHERE responded_at IS NULL AND send_at <= ? AND (user_id = ? OR profile_id = ?)"
        + (surveyId == null ? "" : " AND survey_id = ?") + " ORDER BY send_at LIMIT 1";
    return surveyId == null ? query(where, now, userId, profileId).stream().findFirst()
        : query(where, now, userId, profileId, surveyId).stream().findFirst();
  }

  /** True when the customer (by user id) was invited to any survey at or after {@code since}. */
  public boolean recentFor(String userId, Instant since) {
    return !query("WHERE user_id = ? AND created_at >= ? LIMIT 1", userId, since).isEmpty();
  }

  private static Long profileOf(Connection c, Invitation inv) throws SQLException {
    long id = inv.userId() == null ? 0 : ProfileStore.currentProfile(c, "user_id", inv.userId());
    if (id == 0 && inv.anonymousId() != null) id = ProfileStore.currentProfile(c, "anonymous_id", inv.anonymousId());
    return id == 0 ? null : id;
  }

  /**
   * When each of these customers was last invited to any survey. An invitation counts for the
   * customer it was made for as they are now: its profile after a merge (one step), or, when it
   * was made before the customer had a profile, the profile their user id has since.
   */
  public Map<Long, Instant> lastInvited(Collection<Long> profileIds) {
    Map<Long, Instant> out = new HashMap<>();
    if (profileIds.isEmpty()) return out;
    String in = profileIds.stream().map(String::valueOf).collect(Collectors.joining(","));
    // Only the asked customers' profiles (and those merged into them) are joined, so a trigger pass
    // costs a scan of the invitations and of the asked customers' rows, not of every customer.
    String sql = """
        WITH members AS (SELECT id, coalesce(merged_into, id) AS customer FROM profiles WHERE id IN (%1$s) OR merged_into IN (%1$s)),
        made_for AS (
          SELECT m.customer, i.created_at FROM survey_invitations i JOIN members m ON m.id = i.profile_id
          UNION ALL
          SELECT m.customer, i.created_at FROM survey_invitations i
          JOIN identities u ON u.kind = 'user_id' AND u.value = i.user_id JOIN members m ON m.id = u.profile_id
          WHERE i.profile_id IS NULL)
        SELECT customer, max(created_at) FROM made_for GROUP BY 1""".formatted(in);
    try (Connection c = db.connect(); var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) out.put(rs.getLong(1), Sql.instant(rs, 2));
    } catch (SQLException e) {
      throw new StoreException("cannot read invitations: " + e.getMessage(), e);
    }
    return out;
  }

  /** Invitations of a survey, newest first. */
  public List<Invitation> list(String surveyId, int limit) {
    return query("WHERE survey_id = ? ORDER BY created_at DESC LIMIT " + limit, surveyId);
  }

  /** {invited, responded} of a survey. */
  public long[] counts(String surveyId) {
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
        "SELECT count(*), count(responded_at) FROM survey_invitations WHERE survey_id = ?")) {
      ps.setString(1, surveyId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new long[] {rs.getLong(1), rs.getLong(2)};
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count invitations: " + e.getMessage(), e);
    }
  }

  private static void insert(Connection c, List<Invitation> invitations) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO survey_invitations (" + COLUMNS
        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Invitation i : invitations) {
        Sql.setAll(ps, i.token(), i.surveyId(), i.via(), i.profileId(), i.userId(), i.anonymousId(), i.journey(),
            i.stage(), i.touchpoint(), i.channel(), i.triggerEventId(), i.createdAt(), i.sendAt(), i.respondedAt());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private List<Invitation> query(String where, Object... params) {
    List<Invitation> out = new ArrayList<>();
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM survey_invitations " + where)) {
      Sql.setAll(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Invitation(rs.getString(1), rs.getString(2), rs.getString(3), Sql.longOrNull(rs, 4),
              rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
              Sql.longOrNull(rs, 11), Sql.instant(rs, 12), Sql.instant(rs, 13), Sql.instant(rs, 14)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read invitations: " + e.getMessage(), e);
    }
    return out;
  }
}
