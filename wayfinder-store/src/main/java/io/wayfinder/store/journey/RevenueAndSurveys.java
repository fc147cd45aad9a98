package io.wayfinder.store.journey;

import com.fasterxml.jackson.core.type.TypeReference;
import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.dataset.SurveyAnswer;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The revenue of {@code Order Completed} events (per load position, NaN elsewhere; null when no
 * event has one) and the survey answers, with their load positions. Read by a query filtered on
 * the event name: DuckDB then reads the wide JSON properties of those rows only, where a CASE in
 * the main scan made it read them for every event (3 s of a 10 M event load).
 */
record RevenueAndSurveys(double[] revenue, List<SurveyAnswer> surveys) {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  /** SQL of an event's revenue, or NULL. */
  static final String REVENUE = "CASE WHEN name = '" + JourneyDataset.REVENUE_EVENT
      + "' THEN TRY_CAST(properties->>'revenue' AS DOUBLE) END";
  /** SQL of a survey answer event's properties as JSON text, or NULL. */
  static final String SURVEY = "CASE WHEN name = '" + JourneyDataset.SURVEY_EVENT + "' THEN CAST(properties AS VARCHAR) END";
  private static final String NAMES = "name IN ('" + JourneyDataset.REVENUE_EVENT + "', '" + JourneyDataset.SURVEY_EVENT + "')";

  static RevenueAndSurveys read(Connection c, EventRows rows) throws SQLException {
    double[] revenue = null;
    List<SurveyAnswer> surveys = new ArrayList<>();
    String sql = "SELECT pos, r, s FROM (SELECT " + rows.positionSql() + " AS pos, " + REVENUE + " AS r, " + SURVEY
        + " AS s, name FROM events" + (rows.denseRowIds() ? " WHERE " + NAMES + " AND " + rows.loaded() : "")
        + ") WHERE " + NAMES + " ORDER BY pos";
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        int i = rs.getInt(1);
        double r = rs.getDouble(2);
        if (!rs.wasNull()) {
          if (revenue == null) {
            revenue = new double[rows.count()];
            Arrays.fill(revenue, Double.NaN);
          }
          revenue[i] = r;
        }
        String survey = rs.getString(3);
        if (survey != null) surveys.add(survey(i, survey));
      }
    }
    return new RevenueAndSurveys(revenue, surveys);
  }

  /** The answer held in a survey event's properties (JSON text), at event number {@code position}. */
  static SurveyAnswer survey(int position, String json) {
    try {
      Map<String, Object> p = DefinitionFiles.JSON.readValue(json, MAP);
      return SurveyAnswer.fromProperties(position, p);
    } catch (IOException e) {
      return new SurveyAnswer(position, null, null, null, null, null, null, null);
    }
  }
}
