package io.wayfinder.server.web;

import io.javalin.config.JavalinConfig;
import io.wayfinder.server.api.ManagementRoutes;
import io.wayfinder.store.Database;
import java.util.Map;

/**
 * Thin read routes under {@code /api/web} for what the pages show before (or beside) the
 * capability APIs: overview KPIs, feedback, event names, customer search and a customer's journeys. They sit
 * under {@code /api}, so the same gate (admin token or session) guards them.
 */
public final class WebReadRoutes {
  private final Overview overview;
  private final Feedback feedback;
  private final Customers customers;
  private final Timeline timeline;
  private final CustomerValue value;
  private final Settings settings;
  private final Database db;

  private final java.util.function.Supplier<java.util.List<String>> routes;

  /** {@code routes}: every route of the server, so the pages ask only for APIs that exist. */
  public WebReadRoutes(Database db, java.util.function.Supplier<java.util.List<String>> routes) {
    this.routes = routes;
    SurveyCounts counts = new SurveyCounts(db);
    this.overview = new Overview(db, counts);
    this.feedback = new Feedback(db, counts);
    this.customers = new Customers(db);
    this.timeline = new Timeline(db);
    this.value = new CustomerValue(db);
    this.settings = new Settings(db);
    this.db = db;
  }

  public void register(JavalinConfig config) {
    config.routes.get("/api/web/overview", ctx -> ctx.json(overview.read(Period.of(ctx), comparing(ctx))));
    config.routes.get("/api/web/feedback", ctx -> ctx.json(feedback.query(ctx)));
    config.routes.get("/api/web/capabilities", ctx -> ctx.json(Map.of("routes",
        routes.get().stream().filter(r -> r.contains(" /api/")).sorted().toList())));
    config.routes.get("/api/web/events", ctx -> ctx.json(Map.of("events", Sql.rows(db, "SELECT name, count(*) AS events "
        + "FROM events WHERE name IS NOT NULL GROUP BY name ORDER BY events DESC, name LIMIT 500", java.util.List.of()))));
    config.routes.get("/api/web/customers", ctx -> ctx.json(Map.of("customers",
        customers.search(ctx.queryParam("q"), ManagementRoutes.limit(ctx, "limit", 50, 500)))));
    config.routes.get("/api/web/customers/{id}/journeys", ctx -> ctx.json(Map.of("journeys", customers.journeys(profileId(ctx)))));
    config.routes.get("/api/web/customers/{id}/timeline", ctx -> {
      String before = ctx.queryParam("before");
      Long anchor;
      try {
        anchor = before == null || before.isBlank() ? null : Long.parseLong(before.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("before: expected the id of an event (the 'next' of the previous page)");
      }
      ctx.json(timeline.page(profileId(ctx), anchor, ManagementRoutes.limit(ctx, "limit", 50, 500)));
    });
    config.routes.get("/api/web/customers/{id}/value", ctx -> {
      Map<String, Object> out = new java.util.LinkedHashMap<>();
      out.put("currency", settings.currency());
      out.put("predictions", value.of(profileId(ctx)));
      ctx.json(out);
    });
    config.routes.get("/api/web/value/at-risk", ctx -> ctx.json(Map.of("currency", settings.currency(),
        "total", value.atRiskCount(), "customers", value.atRisk(ManagementRoutes.limit(ctx, "limit", 50, 1000)))));
    settings.register(config);
  }

  private static long profileId(io.javalin.http.Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("id: expected a profile number");
    }
  }

  /** {@code compare=previous} asks for the period of the same length just before; it needs both ends. */
  private static boolean comparing(io.javalin.http.Context ctx) {
    String c = ctx.queryParam("compare");
    if (c == null || c.isBlank()) return false;
    if (!c.equals("previous")) throw new IllegalArgumentException("compare: expected 'previous', got '" + c + "'");
    if (ctx.queryParam("from") == null || ctx.queryParam("to") == null) {
      throw new IllegalArgumentException("compare: comparing with the previous period needs both from and to");
    }
    return true;
  }
}
