package io.wayfinder.server.journey;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.wayfinder.core.journey.definition.JourneyDefinition;
import io.wayfinder.core.journey.discovery.ActivityClassifier;
import io.wayfinder.core.journey.discovery.DiscoveryQuery;
import io.wayfinder.core.journey.funnel.Funnel;
import io.wayfinder.core.journey.instance.InstanceFilter;
import io.wayfinder.core.journey.instance.InstanceQuery;
import io.wayfinder.core.journey.instance.InstanceStatus;
import io.wayfinder.core.journey.map.JourneyMap;
import io.wayfinder.core.journey.map.MapExport;
import io.wayfinder.core.journey.painpoints.PainPointReport;
import io.wayfinder.core.journey.paths.PathQuery;
import io.wayfinder.server.api.ManagementRoutes;
import io.wayfinder.server.problem.ApiException;
import io.wayfinder.store.journey.DefinitionFiles;
import io.wayfinder.store.journey.JourneyAnalytics;
import io.wayfinder.store.journey.RetentionAnalytics;
import java.io.IOException;
import java.util.Map;

/**
 * The journey API under {@code /api} (admin token required, like the rest of {@code /api}):
 * definitions, instances, discovery, maps, funnels, paths and pain points.
 */
public final class JourneyRoutes {
  private static final String FUNNEL_EXAMPLE = "{\"steps\": [{\"event\": \"Product\"}, {\"event\": \"Order Completed\"}], \"window\": \"7d\"}";
  private final JourneyAnalytics analytics;
  private final RetentionAnalytics retention;

  public JourneyRoutes(JourneyAnalytics analytics, RetentionAnalytics retention) {
    this.analytics = analytics;
    this.retention = retention;
  }

  public void register(JavalinConfig config) {
    config.routes.get("/api/journeys", ctx -> ctx.json(Map.of("journeys", analytics.definitions().list())));
    config.routes.post("/api/journeys", this::create);
    config.routes.get("/api/journeys/{id}", ctx -> ctx.json(journey(ctx)));
    config.routes.put("/api/journeys/{id}", this::replace);
    config.routes.delete("/api/journeys/{id}", ctx -> {
      if (!analytics.definitions().delete(ctx.pathParam("id"))) throw ApiException.notFound("journey '" + ctx.pathParam("id") + "'");
      ctx.status(204);
    });
    config.routes.get("/api/journeys/{id}/instances", this::instances);
    config.routes.get("/api/journeys/{id}/discovery", ctx -> ctx.json(discover(ctx, journey(ctx))));
    config.routes.get("/api/discovery", ctx -> {
      String j = ctx.queryParam("journey");
      ctx.json(discover(ctx, j == null ? null : analytics.definitions().find(j)
          .orElseThrow(() -> new IllegalArgumentException("journey: no journey '" + j + "'"))));
    });
    config.routes.get("/api/journeys/{id}/map", this::map);
    config.routes.get("/api/journeys/{id}/customers", ctx -> {
      String event = ctx.queryParam("event");
      if (event == null || event.isBlank()) throw new IllegalArgumentException("event: required (a step of the map, e.g. Payment Failed)");
      ctx.json(analytics.stepCustomers(journey(ctx), filter(ctx), event, ManagementRoutes.limit(ctx, "limit", 100, 100_000)));
    });
    config.routes.post("/api/funnels", this::funnel);
    config.routes.post("/api/paths", ctx -> ctx.json(analytics.paths(Bodies.read(ctx, PathQuery.class, "{\"anchor\": \"Product\", \"steps\": 5}"))));
    config.routes.get("/api/paths", ctx -> ctx.json(analytics.paths(new PathQuery(ctx.queryParam("anchor"),
        ctx.queryParam("channel"), null, ctx.queryParam("direction"), optionalInt(ctx, "steps"),
        ctx.queryParam("sessionGap"), optionalInt(ctx, "topK"), Bodies.instant(ctx, "from"), Bodies.instant(ctx, "to"),
        ctx.queryParam("segment"), ctx.queryParam("journey"), ctx.queryParam("occurrences")))));
    config.routes.get("/api/painpoints", ctx -> {
      String j = ctx.queryParam("journey");
      if (j != null && analytics.definitions().find(j).isEmpty()) throw new IllegalArgumentException("journey: no journey '" + j + "'");
      PainPointReport r = analytics.painPoints(j, filter(ctx));
      ctx.json(Map.of("painPoints", r.painPoints(), "total", r.total()));
    });
  }

  private JourneyDefinition journey(Context ctx) {
    String id = ctx.pathParam("id");
    return analytics.definitions().find(id).orElseThrow(() -> ApiException.notFound("journey '" + id + "'"));
  }

  private void create(Context ctx) {
    JourneyDefinition d = DefinitionFiles.parse(ctx.bodyAsBytes());
    if (analytics.definitions().find(d.id()).isPresent()) {
      throw new ApiException(409, "journey '" + d.id() + "' exists; PUT /api/journeys/" + d.id() + " replaces it");
    }
    analytics.definitions().put(d);
    ctx.status(201).header("Location", "/api/journeys/" + d.id()).json(d);
  }

  private void replace(Context ctx) {
    JourneyDefinition d = DefinitionFiles.parse(ctx.bodyAsBytes());
    if (!d.id().equals(ctx.pathParam("id"))) {
      throw new IllegalArgumentException("id: '" + d.id() + "' in the body differs from '" + ctx.pathParam("id") + "' in the path");
    }
    ctx.status(analytics.definitions().put(d) ? 201 : 200).json(d);
  }

  private void instances(Context ctx) {
    JourneyDefinition j = journey(ctx);
    String status = ctx.queryParam("status");
    InstanceQuery q = new InstanceQuery(ctx.queryParam("stage"), status == null ? null : InstanceStatus.parse(status),
        Bodies.instant(ctx, "from"), Bodies.instant(ctx, "to"), null);
    String segment = ctx.queryParam("segment");
    if (segment != null && !segment.isBlank()) {
      q = new InstanceQuery(q.stage(), q.status(), q.from(), q.to(), analytics.segmentMembers(segment));
    }
    ctx.json(analytics.instances(j, q, blankToNull(ctx.queryParam("channel")), ManagementRoutes.limit(ctx, "limit", 100, 100_000)));
  }

  private Object discover(Context ctx, JourneyDefinition journey) {
    String classifier = ctx.queryParam("classifier");
    DiscoveryQuery q = new DiscoveryQuery(Bodies.instant(ctx, "from"), Bodies.instant(ctx, "to"), null, null,
        classifier == null ? ActivityClassifier.NAME : ActivityClassifier.fromLabel(classifier));
    return analytics.discover(q, journey, ctx.queryParam("channel"), ctx.queryParam("segment"));
  }

  /** The instance filter every journey read shares: from, to, channel, segment (see docs/journeys.md). */
  private static InstanceFilter filter(Context ctx) {
    return new InstanceFilter(Bodies.instant(ctx, "from"), Bodies.instant(ctx, "to"), blankToNull(ctx.queryParam("channel")),
        blankToNull(ctx.queryParam("segment")));
  }

  private static String blankToNull(String v) {
    return v == null || v.isBlank() ? null : v;
  }

  private void map(Context ctx) {
    JourneyMap m = analytics.map(journey(ctx), filter(ctx));
    String format = ctx.queryParamAsClass("format", String.class).getOrDefault("json");
    switch (format) {
      case "json" -> ctx.json(m);
      case "dot" -> ctx.contentType("text/vnd.graphviz; charset=utf-8").result(MapExport.dot(m));
      case "svg" -> ctx.contentType("image/svg+xml").result(MapExport.svg(m));
      default -> throw new IllegalArgumentException("format: expected json, dot or svg, got '" + format + "'");
    }
  }

  private void funnel(Context ctx) throws IOException {
    Funnel f = Bodies.read(ctx, Funnel.class, FUNNEL_EXAMPLE);
    String step = ctx.queryParam("customersAt");
    String cohort = ctx.queryParam("cohort");
    if (cohort != null && step == null) {
      ctx.json(retention.funnel(f, cohort));
      return;
    }
    if (step == null) {
      ctx.json(analytics.funnel(f));
      return;
    }
    int s = ManagementRoutes.limit(ctx, "customersAt", 1, Funnel.MAX_STEPS);
    boolean dropped = Boolean.parseBoolean(ctx.queryParam("dropped"));
    ctx.json(Map.of("step", s, "droppedOff", dropped,
        "customers", analytics.funnelCustomers(f, s, dropped, ManagementRoutes.limit(ctx, "limit", 1000, 1_000_000))));
  }

  private static Integer optionalInt(Context ctx, String param) {
    String v = ctx.queryParam(param);
    if (v == null) return null;
    try {
      return Integer.valueOf(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(param + ": expected a whole number, got '" + v + "'");
    }
  }
}
