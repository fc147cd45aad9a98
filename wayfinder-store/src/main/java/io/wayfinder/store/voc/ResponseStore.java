package io.wayfinder.store.voc;

import io.wayfinder.core.collect.CollectedMessage;
import io.wayfinder.core.voc.survey.Answer;
import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import io.wayfinder.store.collect.EventWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Survey responses, one row per answered question, at most one response per invitation. */
public final class ResponseStore {
  private static final String COLUMNS = "response_id, survey_id, profile_id, user_id, journey, stage, touchpoint, "
      + "channel, question_id, question_type, score, choice, text, answered_at";

  private final Database db;

  public ResponseStore(Database db) {
    this.db = db;
  }

  /**
   * The event writer job that stores a response: the invitation marked answered, one row per
   * answer and the answer's events, committed together ({@link EventWriter#runBulk}), so a crash
   * cannot leave an answer without its events. A link answered by a customer who had no profile
   * yet gets the one their events create.
   *
   * <p>The job throws {@link IllegalStateException} when the invitation was answered already.
   */
  public EventWriter.BulkJob answer(Invitation inv, String responseId, List<Answer> answers, List<CollectedMessage> events,
      Instant at) {
    return session -> {
      Long profile = inv.profileId() != null || inv.userId() == null ? inv.profileId() : session.resolveUserId(inv.userId(), at);
      record(session.connection(), inv, responseId, profile, answers, at);
      session.write(List.of(events).iterator());
    };
  }

  private static void record(Connection c, Invitation inv, String responseId, Long profileId, List<Answer> answers, Instant at)
      throws SQLException {
    try (PreparedStatement claim = c.prepareStatement(
        "UPDATE survey_invitations SET responded_at = ? WHERE token = ? AND responded_at IS NULL")) {
      Sql.setAll(claim, at, inv.token());
      if (claim.executeUpdate() != 1) throw new IllegalStateException("this survey invitation has been answered already");
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO survey_responses (" + COLUMNS
        + ", token) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Answer a : answers) {
        Sql.setAll(ps, responseId, inv.surveyId(), profileId, inv.userId(), inv.journey(), inv.stage(), inv.touchpoint(),
            inv.channel(), a.question().id(), a.question().type().wireName(), a.score(), a.choice(), a.text(), at,
            inv.token());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The answers to a survey, newest first. */
  public List<StoredAnswer> list(String surveyId, int limit) {
    List<StoredAnswer> out = new ArrayList<>();
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
        + " FROM survey_responses WHERE survey_id = ? ORDER BY answered_at DESC, response_id, question_id LIMIT " + limit)) {
      ps.setString(1, surveyId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new StoredAnswer(rs.getString(1), rs.getString(2), Sql.longOrNull(rs, 3), rs.getString(4),
              rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
              Sql.intOrNull(rs, 11), rs.getString(12), rs.getString(13), Sql.instant(rs, 14)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read responses: " + e.getMessage(), e);
    }
    return out;
  }

  /** Number of stored answer rows (all surveys). */
  public long answerCount() {
    try (Connection c = db.connect(); var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM survey_responses")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new StoreException("cannot count responses: " + e.getMessage(), e);
    }
  }
}
