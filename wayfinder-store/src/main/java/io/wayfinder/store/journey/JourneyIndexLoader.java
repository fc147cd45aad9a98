package io.wayfinder.store.journey;

import com.fasterxml.jackson.core.type.TypeReference;
import io.wayfinder.core.journey.dataset.Column;
import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.dataset.JourneyDatasetBuilder.ColumnBuilder;
import io.wayfinder.core.journey.dataset.SurveyAnswer;
import io.wayfinder.core.journey.index.JourneyIndex;
import io.wayfinder.core.journey.index.JourneyIndexBuilder;
import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the columnar journey index (and the dataset's attribute columns) from the event store.
 * DuckDB does the dictionary encoding: every text column comes back as a small integer code
 * joined from a dictionary of its distinct values, so Java reads primitive columns only. Cases
 * are customers (resolved profiles), named by their user id when they have one.
 */
public final class JourneyIndexLoader {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  /** The property columns loaded besides channel and touchpoint. */
  public static final List<String> PROPERTIES = List.of("journey", "stage");

  private final Database db;

  public JourneyIndexLoader(Database db) {
    this.db = db;
  }

  public JourneyDataset load() {
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      st.execute("SET preserve_insertion_order = true");
      st.execute("CREATE OR REPLACE TEMP TABLE wf_ev AS SELECT id, profile_id, coalesce(name, type) AS act, "
          + "epoch_us(ts) AS us, channel, touchpoint, properties->>'journey' AS p_journey, properties->>'stage' AS p_stage, "
          + "CASE WHEN name = 'Order Completed' THEN TRY_CAST(properties->>'revenue' AS DOUBLE) END AS revenue, "
          + "CASE WHEN name = 'Survey Response' THEN CAST(properties AS VARCHAR) END AS survey FROM events");
      String[] cases = dictionary(st, "SELECT coalesce(min(user_id), CAST(profile_id AS VARCHAR)) FROM events "
          + "GROUP BY profile_id ORDER BY profile_id");
      String[] acts = dictionary(st, "SELECT DISTINCT act FROM wf_ev ORDER BY 1");
      String[] channels = dictionary(st, "SELECT DISTINCT channel FROM wf_ev WHERE channel IS NOT NULL ORDER BY 1");
      String[] touchpoints = dictionary(st, "SELECT DISTINCT touchpoint FROM wf_ev WHERE touchpoint IS NOT NULL ORDER BY 1");
      String[] journeys = dictionary(st, "SELECT DISTINCT p_journey FROM wf_ev WHERE p_journey IS NOT NULL ORDER BY 1");
      String[] stages = dictionary(st, "SELECT DISTINCT p_stage FROM wf_ev WHERE p_stage IS NOT NULL ORDER BY 1");
      int n = count(st);
      int[] caseOf = new int[n];
      int[] actOf = new int[n];
      long[] micros = new long[n];
      int[][] codes = new int[4][n];
      double[] revenue = null;
      List<SurveyAnswer> surveys = new ArrayList<>();
      String sql = "SELECT pc.code, ac.code, e.us, coalesce(cc.code, -1), coalesce(tc.code, -1), coalesce(jc.code, -1), "
          + "coalesce(sc.code, -1), e.revenue, e.survey FROM wf_ev e "
          + "JOIN (SELECT profile_id, CAST(row_number() OVER (ORDER BY profile_id) - 1 AS INTEGER) AS code "
          + "      FROM (SELECT DISTINCT profile_id FROM wf_ev)) pc USING (profile_id) "
          + "JOIN " + codes("act", "SELECT DISTINCT act FROM wf_ev") + " ac ON ac.v = e.act "
          + "LEFT JOIN " + codes("channel", "SELECT DISTINCT channel FROM wf_ev WHERE channel IS NOT NULL") + " cc ON cc.v = e.channel "
          + "LEFT JOIN " + codes("touchpoint", "SELECT DISTINCT touchpoint FROM wf_ev WHERE touchpoint IS NOT NULL") + " tc ON tc.v = e.touchpoint "
          + "LEFT JOIN " + codes("p_journey", "SELECT DISTINCT p_journey FROM wf_ev WHERE p_journey IS NOT NULL") + " jc ON jc.v = e.p_journey "
          + "LEFT JOIN " + codes("p_stage", "SELECT DISTINCT p_stage FROM wf_ev WHERE p_stage IS NOT NULL") + " sc ON sc.v = e.p_stage "
          + "ORDER BY pc.code, e.us, e.id";
      try (ResultSet rs = st.executeQuery(sql)) {
        int i = 0;
        while (rs.next()) {
          caseOf[i] = rs.getInt(1);
          actOf[i] = rs.getInt(2);
          micros[i] = rs.getLong(3);
          for (int k = 0; k < 4; k++) codes[k][i] = rs.getInt(4 + k);
          double r = rs.getDouble(8);
          if (!rs.wasNull()) {
            if (revenue == null) revenue = nanArray(n);
            revenue[i] = r;
          }
          String survey = rs.getString(9);
          if (survey != null) surveys.add(survey(i, survey));
          i++;
        }
      }
      st.execute("DROP TABLE wf_ev");
      JourneyIndex index = JourneyIndexBuilder.fromColumns(cases, caseOf, acts, actOf, null, null, micros);
      Map<String, Column> props = Map.of("journey", new Column(journeys, codes[2]), "stage", new Column(stages, codes[3]));
      return JourneyDataset.ofLoadOrder(index, new Column(channels, codes[0]), new Column(touchpoints, codes[1]), props,
          revenue, surveys, traits(st, index));
    } catch (SQLException e) {
      throw new StoreException("cannot load the journey index: " + e.getMessage(), e);
    }
  }

  /** A dictionary subquery: the distinct values ordered, numbered from 0 as {@code code}. */
  private static String codes(String col, String distinct) {
    return "(SELECT " + col + " AS v, CAST(row_number() OVER (ORDER BY " + col + ") - 1 AS INTEGER) AS code FROM (" + distinct + "))";
  }

  private static String[] dictionary(Statement st, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out.toArray(String[]::new);
  }

  private static int count(Statement st) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM wf_ev")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static double[] nanArray(int n) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, Double.NaN);
    return a;
  }

  private static SurveyAnswer survey(int position, String json) {
    try {
      Map<String, Object> p = DefinitionFiles.JSON.readValue(json, MAP);
      return SurveyAnswer.fromProperties(position, p);
    } catch (IOException e) {
      return new SurveyAnswer(position, null, null, null, null, null, null, null);
    }
  }

  /** Current scalar traits per case, for segments. */
  private static Map<String, Column> traits(Statement st, JourneyIndex index) throws SQLException {
    Map<String, Integer> caseId = new HashMap<>();
    for (int c = 0; c < index.caseCount(); c++) caseId.put(index.caseName(c), c);
    Map<String, String[]> byTrait = new HashMap<>();
    String sql = "WITH names AS (SELECT profile_id, coalesce(min(user_id), CAST(profile_id AS VARCHAR)) AS case_name "
        + "FROM events GROUP BY profile_id), t AS (SELECT profile_id, trait, arg_max(value, set_at) AS v FROM trait_history "
        + "GROUP BY ALL) SELECT n.case_name, t.trait, t.v->>'$' FROM t JOIN names n USING (profile_id) "
        + "WHERE json_type(t.v) IN ('VARCHAR', 'BIGINT', 'UBIGINT', 'DOUBLE', 'BOOLEAN')";
    try (ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        Integer c = caseId.get(rs.getString(1));
        if (c == null) continue;
        byTrait.computeIfAbsent(rs.getString(2), k -> new String[index.caseCount()])[c] = rs.getString(3);
      }
    }
    Map<String, Column> out = new HashMap<>();
    byTrait.forEach((trait, values) -> {
      ColumnBuilder b = new ColumnBuilder();
      for (String v : values) b.add(v);
      out.put(trait, b.build());
    });
    return out;
  }
}
