package io.wayfinder.store.voc;

import io.wayfinder.core.voc.kpi.ResponseTable;
import io.wayfinder.core.voc.kpi.ScoreScale;
import io.wayfinder.core.voc.kpi.SurveyResponse;
import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;

/**
 * The KPI responses of the event log as a columnar {@link ResponseTable}: every {@code Survey
 * Response} (from Wayfinder's own surveys, the generator or any collected source) and every
 * {@code Feedback Received} whose rating maps onto a KPI. Loaded once, then only the events
 * appended since are read, so a new answer is in the next query. Events whose score is off its
 * scale are skipped (and counted).
 *
 * <p>The segment of a response is the customer's current value of one trait ({@code plan} by
 * default), as it was when the response was loaded.
 */
public final class KpiResponses {
  public static final String SURVEY_RESPONSE = "Survey Response";
  public static final String FEEDBACK_RECEIVED = "Feedback Received";

  /**
   * SQL for the whole-number score in {@code text} (a JSON string expression), else NULL: a plain
   * cast to INTEGER would round 7.5 to 8 and count an off-scale answer as a passive.
   */
  public static String wholeScore(String text) {
    String d = "TRY_CAST(" + text + " AS DOUBLE)";
    return "CASE WHEN " + d + " = floor(" + d + ") THEN TRY_CAST(" + d + " AS INTEGER) END";
  }

  private static final String QUERY = """
      SELECT e.id, lower(json_extract_string(e.properties, '$.question_type')),
             %s,
             json_extract_string(e.properties, '$.journey'), json_extract_string(e.properties, '$.stage'),
             coalesce(json_extract_string(e.properties, '$.touchpoint'), e.touchpoint), e.channel, t.segment,
             epoch_ms(e.ts)
      FROM events e
      LEFT JOIN (SELECT profile_id, arg_max(json_extract_string(value, '$'), set_at) AS segment
                 FROM trait_history WHERE trait = ? GROUP BY profile_id) t ON t.profile_id = e.profile_id
      WHERE e.id > ? AND e.type = 'track' AND e.name IN ('Survey Response', 'Feedback Received')
      ORDER BY e.id""".formatted(wholeScore("json_extract_string(e.properties, '$.score')"));

  private final Database db;
  private final String segmentTrait;
  private final ResponseTable.Builder builder = ResponseTable.builder();
  private volatile ResponseTable table = ResponseTable.builder().build();
  private long lastEventId;
  private long skipped;

  public KpiResponses(Database db, String segmentTrait) {
    this.db = db;
    this.segmentTrait = segmentTrait;
  }

  /** The responses up to the newest committed event. */
  public synchronized ResponseTable table() {
    int added = 0;
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(QUERY)) {
      ps.setString(1, segmentTrait);
      ps.setLong(2, lastEventId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          lastEventId = rs.getLong(1);
          ScoreScale scale = scale(rs.getString(2));
          int score = rs.getInt(3);
          if (scale == null || rs.wasNull() || !scale.accepts(score)) {
            skipped++;
            continue;
          }
          builder.add(new SurveyResponse(score, scale, rs.getString(4), rs.getString(5), rs.getString(6),
              rs.getString(7), rs.getString(8), Instant.ofEpochMilli(rs.getLong(9))));
          added++;
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read survey responses: " + e.getMessage(), e);
    }
    if (added > 0) table = builder.build();
    return table;
  }

  /** How many responses are loaded now, without reading new ones. */
  public int loaded() {
    return table.size();
  }

  /** Events skipped so far because their question type or score was not a KPI score. */
  public synchronized long skipped() {
    return skipped;
  }

  private static ScoreScale scale(String questionType) {
    if (questionType == null) return null;
    return switch (questionType.toLowerCase(Locale.ROOT)) {
      case "nps" -> ScoreScale.NPS;
      case "csat" -> ScoreScale.CSAT;
      case "ces" -> ScoreScale.CES;
      default -> null;
    };
  }
}
