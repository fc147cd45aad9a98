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
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
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
 * DuckDB does the dictionary encoding: each text column is cast to an ENUM of its distinct
 * values and read as {@code enum_code}, so Java reads primitive columns only, in the store's
 * insertion order (the order that breaks timestamp ties). Cases are customers (resolved
 * profiles), named by their user id when they have one.
 */
public final class JourneyIndexLoader {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[A-Za-z0-9_:.-]{1,64}");

  private final Database db;

  public JourneyIndexLoader(Database db) {
    this.db = db;
  }

  /**
   * Loads every event, with these event properties as columns. Reading properties costs a JSON
   * parse per event (most of the load time on large logs), so only the keys asked for are read.
   */
  public JourneyDataset load(java.util.Set<String> propertyKeys) {
    List<String> keys = propertyKeys.stream().sorted().toList();
    for (String k : keys) {
      if (!KEY.matcher(k).matches()) throw new IllegalArgumentException("property '" + k + "': expected 1-64 of A-Z a-z 0-9 _ : . -");
    }
    String tag = Long.toHexString(System.nanoTime());
    List<String> types = new ArrayList<>();
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      st.execute("SET preserve_insertion_order = true");
      Long2IntOpenHashMap caseCode = new Long2IntOpenHashMap();
      List<String> caseNames = new ArrayList<>();
      // names from the identity table (small) rather than a string aggregate over every event
      try (ResultSet rs = st.executeQuery("SELECT p.profile_id, coalesce(min(i.value), CAST(p.profile_id AS VARCHAR)) "
          + "FROM (SELECT DISTINCT profile_id FROM events) p LEFT JOIN identities i "
          + "ON i.profile_id = p.profile_id AND i.kind = 'user_id' GROUP BY p.profile_id ORDER BY p.profile_id")) {
        while (rs.next()) {
          caseCode.put(rs.getLong(1), caseNames.size());
          caseNames.add(rs.getString(2));
        }
      }
      List<String> exprs = new ArrayList<>(List.of("coalesce(name, type)", "channel", "touchpoint"));
      for (String k : keys) exprs.add("json_extract_string(properties, '$.\"" + k + "\"')");
      List<String[]> dictionaries = new ArrayList<>();
      StringBuilder sql = new StringBuilder("SELECT profile_id, epoch_us(ts), "
          + "CASE WHEN name = 'Order Completed' THEN TRY_CAST(properties->>'revenue' AS DOUBLE) END, "
          + "CASE WHEN name = 'Survey Response' THEN CAST(properties AS VARCHAR) END");
      for (int k = 0; k < exprs.size(); k++) {
        // an ENUM per text column: DuckDB encodes it in the scan, enum_code gives the dictionary index
        String type = "wf_" + tag + "_" + k;
        st.execute("CREATE TYPE " + type + " AS ENUM (SELECT DISTINCT " + exprs.get(k) + " AS v FROM events WHERE v IS NOT NULL ORDER BY 1)");
        types.add(type);
        dictionaries.add(dictionary(st, "SELECT unnest(enum_range(NULL::" + type + "))"));
        sql.append(", coalesce(CAST(enum_code(CAST(").append(exprs.get(k)).append(" AS ").append(type).append(")) AS INTEGER), -1)");
      }
      sql.append(" FROM events");
      int n = count(st);
      int[] caseOf = new int[n];
      long[] micros = new long[n];
      int[][] codes = new int[exprs.size()][n];
      double[] revenue = null;
      List<SurveyAnswer> surveys = new ArrayList<>();
      try (ResultSet rs = st.executeQuery(sql.toString())) {
        int i = 0;
        while (rs.next()) {
          caseOf[i] = caseCode.get(rs.getLong(1));
          micros[i] = rs.getLong(2);
          double r = rs.getDouble(3);
          if (!rs.wasNull()) {
            if (revenue == null) revenue = nanArray(n);
            revenue[i] = r;
          }
          String survey = rs.getString(4);
          if (survey != null) surveys.add(survey(i, survey));
          for (int k = 0; k < codes.length; k++) codes[k][i] = rs.getInt(5 + k);
          i++;
        }
      }
      String[] cases = caseNames.toArray(String[]::new);
      String[] acts = dictionaries.get(0);
      int[] actOf = codes[0];
      Map<String, Column> props = new HashMap<>();
      for (int k = 0; k < keys.size(); k++) props.put(keys.get(k), new Column(dictionaries.get(3 + k), codes[3 + k]));
      Column channels = new Column(dictionaries.get(1), codes[1]);
      Column touchpoints = new Column(dictionaries.get(2), codes[2]);
      JourneyIndex index = JourneyIndexBuilder.fromColumns(cases, caseOf, acts, actOf, null, null, micros);
      return JourneyDataset.ofLoadOrder(index, channels, touchpoints, props, revenue, surveys, traits(st, caseCode, index.caseCount()));
    } catch (SQLException e) {
      throw new StoreException("cannot load the journey index: " + e.getMessage(), e);
    } finally {
      dropTypes(types);
    }
  }

  private void dropTypes(List<String> types) {
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      for (String t : types) st.execute("DROP TYPE IF EXISTS " + t);
    } catch (SQLException e) {
      throw new StoreException("cannot drop the loader's enum types: " + e.getMessage(), e);
    }
  }

  private static String[] dictionary(Statement st, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out.toArray(String[]::new);
  }

  private static int count(Statement st) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM events")) {
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

  /** Current scalar traits per case id, for segments. */
  private static Map<String, Column> traits(Statement st, Long2IntOpenHashMap caseCode, int cases) throws SQLException {
    Map<String, String[]> byTrait = new HashMap<>();
    String sql = "SELECT profile_id, trait, v->>'$' FROM (SELECT profile_id, trait, arg_max(value, set_at) AS v "
        + "FROM trait_history GROUP BY ALL) WHERE json_type(v) IN ('VARCHAR', 'BIGINT', 'UBIGINT', 'DOUBLE', 'BOOLEAN')";
    caseCode.defaultReturnValue(-1);
    try (ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        int c = caseCode.get(rs.getLong(1));
        if (c < 0) continue;
        byTrait.computeIfAbsent(rs.getString(2), k -> new String[cases])[c] = rs.getString(3);
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
