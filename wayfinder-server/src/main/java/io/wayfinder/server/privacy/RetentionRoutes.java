package io.wayfinder.server.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.wayfinder.store.privacy.Retention;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET|PUT /api/retention}: the rules ({@code {"rules": [{"source": "web", "maxAge": "P90D"},
 * {"event": "Page Viewed", "maxAge": "P30D"}], "confirm": false}}); an age under one day needs
 * {@code "confirm": true}. {@code POST /api/retention/run} applies them now.
 */
public final class RetentionRoutes {
  private final Retention retention;

  public RetentionRoutes(Retention retention) {
    this.retention = retention;
  }

  public void register(JavalinConfig config) {
    config.routes.get("/api/retention", ctx -> ctx.json(Map.of("rules", views(retention.rules()))));
    config.routes.put("/api/retention", this::put);
    config.routes.post("/api/retention/run", ctx -> ctx.json(retention.run()));
  }

  private void put(Context ctx) {
    JsonNode root = PrivacyRoutes.body(ctx);
    if (!root.path("rules").isArray()) throw new IllegalArgumentException("rules: expected an array of rules");
    boolean confirmed = root.path("confirm").asBoolean(false);
    List<Retention.Rule> rules = new ArrayList<>();
    for (int i = 0; i < root.get("rules").size(); i++) {
      JsonNode r = root.get("rules").get(i);
      String where = "rules[" + i + "]";
      String source = text(r, "source", where);
      String event = text(r, "event", where);
      if ((source == null) == (event == null)) throw new IllegalArgumentException(where + ": name a \"source\" or an \"event\" (one of them)");
      String age = text(r, "maxAge", where);
      if (age == null) throw new IllegalArgumentException(where + ".maxAge: required, an ISO-8601 duration such as P90D");
      Duration d;
      try {
        d = Duration.parse(age);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(where + ".maxAge: '" + age + "' is not an ISO-8601 duration such as P90D");
      }
      if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(where + ".maxAge: must be positive");
      if (d.compareTo(Retention.MIN_UNCONFIRMED) < 0 && !confirmed) {
        throw new IllegalArgumentException(where + ".maxAge: " + age + " is shorter than one day; send \"confirm\": true to delete this soon");
      }
      rules.add(new Retention.Rule(source, event, d));
    }
    retention.setRules(rules);
    ctx.json(Map.of("rules", views(retention.rules())));
  }

  private static String text(JsonNode r, String field, String where) {
    JsonNode n = r.get(field);
    if (n == null || n.isNull()) return null;
    if (!n.isTextual() || n.asText().isBlank()) throw new IllegalArgumentException(where + "." + field + ": must be a non-empty string");
    return n.asText();
  }

  private static List<Map<String, String>> views(List<Retention.Rule> rules) {
    return rules.stream().map(r -> r.source() != null ? Map.of("source", r.source(), "maxAge", r.maxAge().toString())
        : Map.of("event", r.event(), "maxAge", r.maxAge().toString())).toList();
  }
}
