package io.wayfinder.server.predict;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.wayfinder.server.JsonSupport;
import io.wayfinder.server.TimeBound;
import io.wayfinder.server.api.ManagementRoutes;
import io.wayfinder.store.Database;
import io.wayfinder.store.predict.ChurnService;
import io.wayfinder.store.predict.ClvService;
import io.wayfinder.store.predict.PredictionStore;
import io.wayfinder.store.predict.ProfilePredictions;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * CLV, churn and value segments under {@code /api} (behind the management API's bearer token).
 * Fits run on the request thread: they take seconds on a few thousand customers, and a second fit
 * while one runs simply waits for the database.
 */
public final class PredictionRoutes {
  private final ClvService clv;
  private final ChurnService churn;
  private final PredictionStore runs;
  private final ProfilePredictions profiles;

  public PredictionRoutes(Database db) {
    this.clv = new ClvService(db);
    this.churn = new ChurnService(db);
    this.runs = new PredictionStore(db);
    this.profiles = new ProfilePredictions(db);
  }

  public void register(JavalinConfig config) {
    config.routes.post("/api/clv/fit", ctx -> ctx.json(clv.fit(clvRequest(body(ctx)))));
    config.routes.post("/api/clv/score", ctx -> ctx.json(clv.score(date(body(ctx), "calibrationEnd"))));
    config.routes.get("/api/clv/models", ctx -> ctx.json(Map.of("models", runs.runs("clv", ManagementRoutes.limit(ctx, "limit", 20, 1000)))));
    config.routes.get("/api/clv/scores", ctx -> ctx.json(scores(ctx, "clv")));
    config.routes.post("/api/churn/train", ctx -> ctx.json(churn.train(churnRequest(body(ctx)))));
    config.routes.post("/api/churn/score", ctx -> ctx.json(churn.score(instant(body(ctx), "asOf"))));
    config.routes.get("/api/churn/models", ctx -> ctx.json(Map.of("models", runs.runs("churn", ManagementRoutes.limit(ctx, "limit", 20, 1000)))));
    config.routes.get("/api/churn/scores", ctx -> ctx.json(scores(ctx, "churn_risk")));
    config.routes.get("/api/segments", ctx -> ctx.json(Map.of("segments", profiles.segments())));
  }

  private Map<String, Object> scores(Context ctx, String defaultOrder) {
    String order = ctx.queryParamAsClass("order", String.class).getOrDefault(defaultOrder);
    String direction = ctx.queryParamAsClass("direction", String.class).getOrDefault("desc");
    if (!direction.equals("asc") && !direction.equals("desc")) throw new IllegalArgumentException("direction: expected asc or desc");
    return Map.of("order", order, "direction", direction,
        "scores", profiles.list(order, direction.equals("asc"), ManagementRoutes.limit(ctx, "limit", 50, 100_000)));
  }

  /** The body of {@code POST /api/clv/fit} (also what the CLI sends): every field optional. */
  public static ClvService.Request clvRequest(JsonNode b) {
    ClvService.Request d = ClvService.Request.DEFAULT;
    return new ClvService.Request(text(b, "model", d.model()), text(b, "event", d.purchaseEvent()),
        text(b, "revenueProperty", d.revenueProperty()), date(b, "since"), date(b, "calibrationEnd"), text(b, "timeUnit", d.timeUnit()),
        number(b, "horizon", d.horizon()), (int) number(b, "months", d.months()), number(b, "discountRate", d.discountRate()));
  }

  /** The body of {@code POST /api/churn/train}: every field optional. */
  public static ChurnService.Request churnRequest(JsonNode b) {
    ChurnService.Request d = ChurnService.Request.DEFAULT;
    double window = number(b, "windowDays", d.windowDays());
    if (window != Math.rint(window) || window < 1 || window > 3650) throw new IllegalArgumentException("windowDays: expected a whole number of days from 1 to 3650");
    return new ChurnService.Request(text(b, "event", d.purchaseEvent()), (int) window, instant(b, "asOf"));
  }

  private static JsonNode body(Context ctx) {
    byte[] raw = ctx.bodyAsBytes();
    if (raw.length == 0) return JsonSupport.MAPPER.createObjectNode();
    try {
      JsonNode n = JsonSupport.MAPPER.readTree(raw);
      if (n == null || !n.isObject()) throw new IllegalArgumentException("body: expected a JSON object");
      return n;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("body: not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("body: unreadable: " + e.getMessage());
    }
  }

  private static String text(JsonNode b, String field, String dflt) {
    JsonNode v = b.get(field);
    if (v == null || v.isNull()) return dflt;
    if (!v.isTextual()) throw new IllegalArgumentException(field + ": expected a string");
    return v.asText();
  }

  private static double number(JsonNode b, String field, double dflt) {
    JsonNode v = b.get(field);
    if (v == null || v.isNull()) return dflt;
    if (!v.isNumber()) throw new IllegalArgumentException(field + ": expected a number");
    return v.asDouble();
  }

  public static LocalDate date(JsonNode b, String field) {
    String s = text(b, field, null);
    try {
      return s == null ? null : LocalDate.parse(s);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(field + ": expected a date YYYY-MM-DD, got '" + s + "'");
    }
  }

  public static Instant instant(JsonNode b, String field) {
    String s = text(b, field, null);
    if (s == null) return null;
    try {
      return TimeBound.parse(s, false);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(field + ": expected a date YYYY-MM-DD or an ISO-8601 instant, got '" + s + "'");
    }
  }
}
