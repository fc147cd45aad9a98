package io.wayfinder.server.web;

import io.wayfinder.core.voc.kpi.ScoreScale;
import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import io.wayfinder.store.voc.KpiResponses;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Survey answers ({@code Survey Response} events) counted per group and score in DuckDB; the KPIs
 * and their intervals come from {@code core.voc.kpi}. A thin read model for the pages until the
 * KPI API (docs/voc.md) serves them.
 */
final class SurveyCounts {
  /**
   * Survey answers and imported feedback (reviews, tickets, call notes: {@code Feedback Received},
   * whose {@code kind} stands in for the survey), as the KPI API reads them.
   */
  static final String RESPONSES = "SELECT profile_id, ts, properties->>'$.journey' AS journey, properties->>'$.stage' AS stage, "
      + "coalesce(properties->>'$.touchpoint', touchpoint) AS touchpoint, coalesce(properties->>'$.survey', properties->>'$.kind') AS survey, "
      + "lower(properties->>'$.question_type') AS qtype, " + KpiResponses.wholeScore("properties->>'$.score'") + " AS score, "
      + "properties->>'$.comment' AS comment, channel, id, user_id, name FROM events WHERE type = 'track' AND name IN ('"
      + KpiResponses.SURVEY_RESPONSE + "', '" + KpiResponses.FEEDBACK_RECEIVED + "')";

  /** Counts per group key (the values of {@code groupBy}, joined by a tab) per scale and score. */
  record Groups(Map<String, Map<ScoreScale, Map<Integer, Long>>> counts) {
    List<Map<String, Object>> rows(String... keyNames) {
      List<Map<String, Object>> out = new ArrayList<>();
      counts.forEach((key, byScale) -> {
        Map<String, Object> row = new LinkedHashMap<>();
        String[] parts = key.split("\t", -1);
        for (int i = 0; i < keyNames.length; i++) row.put(keyNames[i], parts[i]);
        for (ScoreScale s : ScoreScale.values()) {
          row.put(s.name().toLowerCase(java.util.Locale.ROOT), Kpi.of(s, byScale.getOrDefault(s, Map.of())));
        }
        out.add(row);
      });
      return out;
    }
  }

  private final Database db;

  SurveyCounts(Database db) {
    this.db = db;
  }

  /** {@code groupBy}: SQL expressions over the response columns (journey, stage, month ...). */
  Groups count(Period period, String filter, List<Object> filterArgs, String... groupBy) {
    String keys = String.join(", ", groupBy);
    String sql = "SELECT " + (groupBy.length == 0 ? "''" : "concat_ws(chr(9), " + keys + ")") + " AS k, qtype, score, count(*) "
        + "FROM (" + RESPONSES + period.where("ts") + ") r WHERE score IS NOT NULL" + filter
        + " GROUP BY ALL ORDER BY 1";
    Map<String, Map<ScoreScale, Map<Integer, Long>>> out = new TreeMap<>();
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      int i = period.bind(ps, 1);
      for (Object a : filterArgs) ps.setObject(i++, a);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ScoreScale scale = Kpi.scale(rs.getString(2));
          if (scale == null || !scale.accepts(rs.getInt(3))) continue;
          out.computeIfAbsent(String.valueOf(rs.getString(1)), k -> new LinkedHashMap<>())
              .computeIfAbsent(scale, k -> new TreeMap<>()).merge(rs.getInt(3), rs.getLong(4), Long::sum);
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count survey responses: " + e.getMessage(), e);
    }
    return new Groups(out);
  }
}
