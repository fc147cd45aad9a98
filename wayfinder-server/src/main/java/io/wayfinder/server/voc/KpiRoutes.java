package io.wayfinder.server.voc;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.wayfinder.core.voc.kpi.Breakdown;
import io.wayfinder.core.voc.kpi.BreakdownEngine;
import io.wayfinder.core.voc.kpi.BreakdownResult;
import io.wayfinder.core.voc.kpi.BreakdownRow;
import io.wayfinder.core.voc.kpi.ChangeTest;
import io.wayfinder.core.voc.kpi.Dimension;
import io.wayfinder.core.voc.kpi.KpiSummary;
import io.wayfinder.core.voc.kpi.KpiTarget;
import io.wayfinder.core.voc.kpi.ResponseTable;
import io.wayfinder.core.voc.kpi.ScoreCounts;
import io.wayfinder.core.voc.kpi.ScoreScale;
import io.wayfinder.core.voc.kpi.TargetCheck;
import io.wayfinder.server.JsonSupport;
import io.wayfinder.store.Database;
import io.wayfinder.store.voc.KpiResponses;
import io.wayfinder.store.voc.KpiTargetStore;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The KPI API: {@code GET /api/kpis} (breakdowns and trends), {@code GET /api/kpis/compare} (the
 * significance of a change between two periods or two groups) and {@code GET|PUT /api/kpis/targets},
 * over every KPI response in the event log, run by the core {@link BreakdownEngine}.
 */
public final class KpiRoutes {
  static final double ALPHA = 0.05;

  private final Database db;
  private final KpiTargetStore targets;
  private final BreakdownEngine engine = new BreakdownEngine();
  private final Map<String, KpiResponses> bySegmentTrait = new ConcurrentHashMap<>();

  public KpiRoutes(Database db) {
    this.db = db;
    this.targets = new KpiTargetStore(db);
  }

  /** One group of a breakdown; value and interval in the KPI's unit (NPS points, CSAT %, CES mean). */
  public record Row(Map<String, String> key, LocalDate period, long responses, Double value, Double low, Double high,
      Double meanScore, Double target, String status) {}

  public record Summary(long responses, Double value, Double low, Double high, Double meanScore) {
    static Summary of(KpiSummary k) {
      return new Summary(k.responses(), KpiQuery.num(k.value()), KpiQuery.num(k.interval().low()),
          KpiQuery.num(k.interval().high()), KpiQuery.num(k.meanScore()));
    }
  }

  public record Comparison(String metric, Map<String, String> current, Map<String, String> baseline, Summary currentKpi,
      Summary baselineKpi, Double difference, Double standardError, Double statistic, Double degreesOfFreedom,
      Double pValue, boolean significant, double alpha) {}

  public record Check(String journey, String metric, double target, Summary actual, String status) {
    static Check of(TargetCheck c) {
      return new Check(c.target().journey(), c.target().scale().name().toLowerCase(Locale.ROOT), c.target().target(),
          Summary.of(c.actual()), c.status().name());
    }
  }

  public void register(JavalinConfig config) {
    config.routes.get("/api/kpis", this::kpis);
    config.routes.get("/api/kpis/compare", this::compare);
    config.routes.get("/api/kpis/targets", ctx -> ctx.json(checks(responses(ctx))));
    config.routes.put("/api/kpis/targets", this::putTargets);
  }

  /**
   * Loads the KPI responses for the default segment trait now (about 1.4 s per million responses),
   * so the first KPI query after a start does not pay for it; a query arriving meanwhile waits for
   * this load instead of starting its own.
   */
  public void warmUp() {
    bySegmentTrait.computeIfAbsent(KpiQuery.DEFAULT_SEGMENT_TRAIT, t -> new KpiResponses(db, t)).table();
  }

  /** Responses in memory for the default segment trait (0 before the first load). */
  /** Drops the loaded responses (rows were deleted, which a top-up cannot see): the next query loads them again. */
  public void forget() {
    bySegmentTrait.clear();
  }

  public int loadedResponses() {
    KpiResponses r = bySegmentTrait.get(KpiQuery.DEFAULT_SEGMENT_TRAIT);
    return r == null ? 0 : r.loaded();
  }

  ResponseTable responses(Context ctx) {
    return bySegmentTrait.computeIfAbsent(KpiQuery.segmentTrait(ctx), t -> new KpiResponses(db, t)).table();
  }

  private void kpis(Context ctx) {
    Breakdown q = KpiQuery.breakdown(ctx);
    BreakdownResult r = engine.run(q, responses(ctx));
    int journeyAt = q.dimensions().indexOf(Dimension.JOURNEY);
    Map<String, KpiTarget> byJourney = new LinkedHashMap<>();
    for (KpiTarget t : targets.list()) if (t.scale() == q.scale()) byJourney.put(t.journey(), t);
    List<Row> rows = new ArrayList<>();
    for (BreakdownRow row : r.rows()) {
      Map<String, String> key = new LinkedHashMap<>();
      for (int i = 0; i < q.dimensions().size(); i++) key.put(q.dimensions().get(i).name().toLowerCase(Locale.ROOT), row.key().get(i));
      KpiTarget t = journeyAt < 0 ? byJourney.get(q.filters().get(Dimension.JOURNEY)) : byJourney.get(row.key().get(journeyAt));
      Summary s = Summary.of(row.kpi());
      rows.add(new Row(key, row.periodStart(), s.responses(), s.value(), s.low(), s.high(), s.meanScore(),
          t == null ? null : t.target(), t == null ? null : t.status(row.kpi()).name()));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("metric", q.scale().name().toLowerCase(Locale.ROOT));
    out.put("by", q.dimensions().stream().map(d -> d.name().toLowerCase(Locale.ROOT)).toList());
    out.put("period", q.period() == null ? null : q.period().name().toLowerCase(Locale.ROOT));
    out.put("confidence", q.confidence());
    out.put("interval", switch (q.scale()) {
      case NPS -> "adjusted Wald";
      case CSAT -> "Wilson";
      case CES -> "t";
    });
    out.put("rows", rows);
    ctx.json(out);
  }

  private void compare(Context ctx) {
    ScoreScale scale = KpiQuery.metric(ctx, "metric");
    Breakdown base = KpiQuery.filtered(ctx, Breakdown.of(scale).inZone(KpiQuery.zone(ctx)));
    Breakdown current;
    Breakdown baseline;
    Map<String, String> cur = new LinkedHashMap<>();
    Map<String, String> bas = new LinkedHashMap<>();
    String dim = ctx.queryParam("dimension");
    if (dim != null) {
      Dimension d = KpiQuery.dimension(dim, "dimension");
      String a = required(ctx, "current");
      String b = required(ctx, "baseline");
      current = base.where(d, a);
      baseline = base.where(d, b);
      cur.put(dim, a);
      bas.put(dim, b);
    } else {
      var zone = KpiQuery.zone(ctx);
      current = base.between(KpiQuery.time(ctx, "currentFrom", zone, false), KpiQuery.time(ctx, "currentTo", zone, true));
      baseline = base.between(KpiQuery.time(ctx, "baselineFrom", zone, false), KpiQuery.time(ctx, "baselineTo", zone, true));
      for (String p : List.of("currentFrom", "currentTo")) cur.put(p, required(ctx, p));
      for (String p : List.of("baselineFrom", "baselineTo")) bas.put(p, required(ctx, p));
    }
    ResponseTable table = responses(ctx);
    ScoreCounts a = counts(engine.run(current, table), scale, "current");
    ScoreCounts b = counts(engine.run(baseline, table), scale, "baseline");
    ChangeTest t = ChangeTest.of(a, b);
    ctx.json(new Comparison(scale.name().toLowerCase(Locale.ROOT), cur, bas, Summary.of(KpiSummary.of(a, 0.95)),
        Summary.of(KpiSummary.of(b, 0.95)), KpiQuery.num(t.difference()), KpiQuery.num(t.standardError()),
        KpiQuery.num(t.statistic()), KpiQuery.num(t.degreesOfFreedom()), KpiQuery.num(t.pValue()), t.significant(ALPHA), ALPHA));
  }

  private static ScoreCounts counts(BreakdownResult r, ScoreScale scale, String which) {
    ScoreCounts c = r.row().map(BreakdownRow::counts).orElse(ScoreCounts.ofScores(scale));
    if (c.total() < 2) throw new IllegalArgumentException(which + ": " + c.total() + " responses; at least 2 are needed to compare");
    return c;
  }

  private static String required(Context ctx, String param) {
    String v = ctx.queryParam(param);
    if (v == null || v.isBlank()) throw new IllegalArgumentException(param + ": required");
    return v;
  }

  private List<Check> checks(ResponseTable table) {
    return TargetCheck.all(targets.list(), table, engine).stream().map(Check::of).toList();
  }

  /** Body: {@code [{"journey": "home_loan", "metric": "nps", "target": 20}, ...]}; answers every target's status. */
  private void putTargets(Context ctx) {
    JsonNode root;
    try {
      root = JsonSupport.MAPPER.readTree(ctx.bodyAsBytes());
    } catch (IOException e) {
      throw new IllegalArgumentException("body: not valid JSON");
    }
    if (root == null || !root.isArray()) throw new IllegalArgumentException("body: expected [{\"journey\", \"metric\", \"target\"}, ...]");
    List<KpiTarget> list = new ArrayList<>();
    int i = 0;
    for (JsonNode n : root) {
      String at = "[" + i++ + "]";
      String journey = n.path("journey").asText("");
      if (journey.isBlank()) throw new IllegalArgumentException(at + ".journey: required");
      ScoreScale scale;
      try {
        scale = ScoreScale.valueOf(n.path("metric").asText("").toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(at + ".metric: one of nps, csat, ces");
      }
      if (!n.path("target").isNumber()) throw new IllegalArgumentException(at + ".target: a number in the KPI's unit");
      double target = n.get("target").asDouble();
      double lo = scale == ScoreScale.NPS ? -100 : scale == ScoreScale.CSAT ? 0 : 1;
      double hi = scale == ScoreScale.NPS ? 100 : scale == ScoreScale.CSAT ? 100 : 7;
      if (target < lo || target > hi) throw new IllegalArgumentException(at + ".target: " + lo + " to " + hi + " for " + scale);
      list.add(new KpiTarget(journey, scale, target));
    }
    targets.put(list);
    ctx.json(checks(responses(ctx)));
  }
}
