package io.wayfinder.server.journey;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.wayfinder.core.journey.retention.CohortDefinition;
import io.wayfinder.core.journey.retention.RetentionQuery;
import io.wayfinder.server.problem.ApiException;
import io.wayfinder.store.journey.RetentionAnalytics;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Retention and saved cohorts under {@code /api} (admin token required): {@code POST /api/retention}
 * and the {@code /api/cohorts} CRUD. See docs/retention.md.
 */
public final class CohortRetentionRoutes {
  private static final String COHORT_EXAMPLE = "{\"id\": \"early_buyers\", \"did\": {\"event\": \"Order Completed\"}, \"within\": \"7d\"}";
  private final RetentionAnalytics retention;

  public CohortRetentionRoutes(RetentionAnalytics retention) {
    this.retention = retention;
  }

  public void register(JavalinConfig config) {
    config.routes.post("/api/retention", ctx -> {
      byte[] body = ctx.bodyAsBytes();
      // an empty body asks for the defaults: weekly retention of monthly cohorts on any event
      RetentionQuery q = body.length == 0 ? RetentionQuery.defaults() : Bodies.read(ctx, RetentionQuery.class, "{\"period\": \"week\"}");
      ctx.json(retention.retention(q));
    });
    config.routes.get("/api/cohorts", ctx -> ctx.json(Map.of("cohorts", retention.cohorts().list())));
    config.routes.post("/api/cohorts", this::create);
    config.routes.get("/api/cohorts/{id}", ctx -> {
      CohortDefinition c = cohort(ctx);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("cohort", c);
      out.put("customers", retention.size(c.id()));
      ctx.json(out);
    });
    config.routes.put("/api/cohorts/{id}", this::replace);
    config.routes.delete("/api/cohorts/{id}", ctx -> {
      if (!retention.cohorts().delete(ctx.pathParam("id"))) throw ApiException.notFound("cohort '" + ctx.pathParam("id") + "'");
      ctx.status(204);
    });
  }

  private CohortDefinition cohort(Context ctx) {
    String id = ctx.pathParam("id");
    return retention.cohorts().find(id).orElseThrow(() -> ApiException.notFound("cohort '" + id + "'"));
  }

  private void create(Context ctx) throws IOException {
    CohortDefinition c = Bodies.read(ctx, CohortDefinition.class, COHORT_EXAMPLE);
    if (retention.cohorts().find(c.id()).isPresent()) {
      throw new ApiException(409, "cohort '" + c.id() + "' exists; PUT /api/cohorts/" + c.id() + " replaces it");
    }
    retention.save(c);
    ctx.status(201).header("Location", "/api/cohorts/" + c.id()).json(c);
  }

  private void replace(Context ctx) throws IOException {
    CohortDefinition c = Bodies.read(ctx, CohortDefinition.class, COHORT_EXAMPLE);
    if (!c.id().equals(ctx.pathParam("id"))) {
      throw new IllegalArgumentException("id: '" + c.id() + "' in the body differs from '" + ctx.pathParam("id") + "' in the path");
    }
    ctx.status(retention.save(c) ? 201 : 200).json(c);
  }
}
