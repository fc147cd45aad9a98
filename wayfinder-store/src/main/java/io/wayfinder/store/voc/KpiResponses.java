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
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
      SELECT e.id, lower(json_extract_string(e.properties, '$.question_type')) AS qtype,
             %s AS score,
             json_extract_string(e.properties, '$.journey') AS journey, json_extract_string(e.properties, '$.stage') AS stage,
             coalesce(json_extract_string(e.properties, '$.touchpoint'), e.touchpoint) AS touchpoint, e.channel, t.segment,
             epoch_ms(e.ts) AS ms
      FROM events e
      LEFT JOIN (SELECT profile_id, arg_max(json_extract_string(value, '$'), set_at) AS segment
                 FROM trait_history WHERE trait = ? GROUP BY profile_id) t ON t.profile_id = e.profile_id
      WHERE e.id > ? AND e.type = 'track' AND e.name IN ('Survey Response', 'Feedback Received')"""
      .formatted(wholeScore("json_extract_string(e.properties, '$.score')"));

  /** The text columns of {@link #QUERY}, read as codes on a first load. */
  private static final List<String> TEXT = List.of("qtype", "journey", "stage", "touchpoint", "channel", "segment");

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
    int added;
    try (Connection c = db.connect()) {
      added = lastEventId == 0 ? readCoded(c) : readRows(c);
    } catch (SQLException e) {
      throw new StoreException("cannot read survey responses: " + e.getMessage(), e);
    }
    if (added > 0) table = builder.build();
    return table;
  }

  /** Reads the responses since the last one seen, a row at a time: after the first load they are few. */
  private int readRows(Connection c) throws SQLException {
    int added = 0;
    try (PreparedStatement ps = c.prepareStatement(QUERY + " ORDER BY e.id")) {
      bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          added += add(rs.getLong(1), rs.getString(2), score(rs, 3), rs.getString(4), rs.getString(5), rs.getString(6),
              rs.getString(7), rs.getString(8), rs.getLong(9));
        }
      }
    }
    return added;
  }

  /**
   * Reads every response with its text columns as codes into small dictionaries. JDBC hands over
   * a string per value at a few microseconds each (seconds for a million responses) and an int at
   * a tenth of that, while the texts of KPI responses take only a few distinct values.
   */
  private int readCoded(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      try (PreparedStatement ps = c.prepareStatement("CREATE OR REPLACE TEMP TABLE wf_kpi AS " + QUERY)) {
        bind(ps);
        ps.execute();
      }
      List<String[]> words = new ArrayList<>();
      StringBuilder select = new StringBuilder("SELECT k.id, k.score, k.ms");
      StringBuilder from = new StringBuilder(" FROM wf_kpi k");
      for (String column : TEXT) {
        String d = "wf_kpi_" + column;
        st.execute("CREATE OR REPLACE TEMP TABLE " + d + " AS SELECT v, (row_number() OVER (ORDER BY v) - 1)::INTEGER AS code "
            + "FROM (SELECT DISTINCT " + column + " AS v FROM wf_kpi WHERE " + column + " IS NOT NULL)");
        words.add(dictionary(st, d));
        select.append(", coalesce(").append(d).append(".code, -1)");
        from.append(" LEFT JOIN ").append(d).append(" ON ").append(d).append(".v = k.").append(column);
      }
      int added = 0;
      try (ResultSet rs = st.executeQuery(select.append(from).append(" ORDER BY k.id").toString())) {
        while (rs.next()) {
          added += add(rs.getLong(1), word(words, 0, rs.getInt(4)), score(rs, 2), word(words, 1, rs.getInt(5)),
              word(words, 2, rs.getInt(6)), word(words, 3, rs.getInt(7)), word(words, 4, rs.getInt(8)), word(words, 5, rs.getInt(9)),
              rs.getLong(3));
        }
      }
      st.execute("DROP TABLE wf_kpi");
      for (String column : TEXT) st.execute("DROP TABLE wf_kpi_" + column);
      return added;
    }
  }

  private void bind(PreparedStatement ps) throws SQLException {
    ps.setString(1, segmentTrait);
    ps.setLong(2, lastEventId);
  }

  /** Counts one event: added as a response (1), or skipped when it carries no KPI score (0). */
  private int add(long id, String questionType, Integer score, String journey, String stage, String touchpoint,
      String channel, String segment, long epochMilli) {
    lastEventId = id;
    ScoreScale scale = scale(questionType);
    if (scale == null || score == null || !scale.accepts(score)) {
      skipped++;
      return 0;
    }
    builder.add(new SurveyResponse(score, scale, journey, stage, touchpoint, channel, segment, Instant.ofEpochMilli(epochMilli)));
    return 1;
  }

  private static Integer score(ResultSet rs, int column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  private static String[] dictionary(Statement st, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery("SELECT v FROM " + table + " ORDER BY code")) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out.toArray(String[]::new);
  }

  private static String word(List<String[]> words, int column, int code) {
    return code < 0 ? null : words.get(column)[code];
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
