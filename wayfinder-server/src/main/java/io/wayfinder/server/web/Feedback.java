package io.wayfinder.server.web;

import io.javalin.http.Context;
import io.wayfinder.core.voc.sentiment.SentimentAnalyzer;
import io.wayfinder.store.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Survey responses and imported feedback with their verbatims, filtered by journey, stage, survey type, score and
 * sentiment (VADER compound of the comment, computed once per response and kept), with the KPIs
 * broken down by stage (or by journey when no journey is chosen).
 */
final class Feedback {
  private static final int MAX = 1000;
  private final Database db;
  private final SurveyCounts counts;
  private final SentimentAnalyzer vader = SentimentAnalyzer.vader();
  private final Map<Long, Double> compound = new ConcurrentHashMap<>();

  Feedback(Database db, SurveyCounts counts) {
    this.db = db;
    this.counts = counts;
  }

  Map<String, Object> query(Context ctx) {
    Period period = Period.of(ctx);
    StringBuilder filter = new StringBuilder();
    List<Object> args = new ArrayList<>();
    eq(ctx, "journey", "journey", filter, args);
    eq(ctx, "stage", "stage", filter, args);
    eq(ctx, "scale", "qtype", filter, args);
    eq(ctx, "customer", "CAST(profile_id AS VARCHAR)", filter, args);
    range(ctx, "minScore", "score >= ?", filter, args);
    range(ctx, "maxScore", "score <= ?", filter, args);
    String sentiment = ctx.queryParam("sentiment");
    int limit = io.wayfinder.server.api.ManagementRoutes.limit(ctx, "limit", 100, MAX);
    List<Object> bound = new ArrayList<>();
    if (period.from() != null) bound.add(period.from());
    if (period.to() != null) bound.add(period.to());
    bound.addAll(args);
    // Feedback without a KPI score (text only, or a rating on a scale no KPI takes) is listed by its text.
    String sql = "SELECT id, ts AS at, journey, stage, touchpoint, survey, qtype AS scale, score, comment, channel, "
        + "profile_id AS \"customerId\", user_id AS \"userId\", name AS event FROM (" + SurveyCounts.RESPONSES + period.where("ts")
        + ") r WHERE (score IS NOT NULL OR (comment IS NOT NULL AND comment <> ''))" + filter + (sentiment == null ? "" : " AND comment IS NOT NULL AND comment <> ''")
        + " ORDER BY ts DESC LIMIT " + (sentiment == null ? limit : 20 * MAX);
    List<Map<String, Object>> rows = Sql.rows(db, sql, bound);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      String text = (String) r.get("comment");
      Double c = text == null || text.isBlank() ? null : compound.computeIfAbsent(((Number) r.get("id")).longValue(),
          k -> vader.score(text).compound());
      String cls = c == null ? null : c >= 0.05 ? "positive" : c <= -0.05 ? "negative" : "neutral";
      if (sentiment != null && !sentiment.equalsIgnoreCase(String.valueOf(cls))) continue;
      r.put("sentiment", c);
      r.put("sentimentClass", cls);
      out.add(r);
      if (out.size() == limit) break;
    }
    boolean byStage = ctx.queryParam("journey") != null;
    var groups = counts.count(period, filter.toString(), args, byStage ? "stage" : "journey");
    return Map.of("responses", out, "breakdownBy", byStage ? "stage" : "journey",
        "breakdown", groups.rows(byStage ? "stage" : "journey"));
  }

  private static void eq(Context ctx, String param, String column, StringBuilder filter, List<Object> args) {
    String v = ctx.queryParam(param);
    if (v == null || v.isBlank()) return;
    filter.append(" AND ").append(column).append(" = ?");
    args.add(param.equals("scale") ? v.toLowerCase(Locale.ROOT) : v);
  }

  private static void range(Context ctx, String param, String cond, StringBuilder filter, List<Object> args) {
    String v = ctx.queryParam(param);
    if (v == null || v.isBlank()) return;
    try {
      args.add(Integer.parseInt(v));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(param + ": expected a whole number, got '" + v + "'");
    }
    filter.append(" AND ").append(cond);
  }
}
