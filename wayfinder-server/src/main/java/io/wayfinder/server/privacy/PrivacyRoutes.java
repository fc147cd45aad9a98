package io.wayfinder.server.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.wayfinder.server.JsonSupport;
import io.wayfinder.server.problem.ApiException;
import io.wayfinder.store.privacy.ConsentRecords;
import io.wayfinder.store.privacy.Regulations;
import io.wayfinder.store.privacy.SubjectExport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/regulations} (Segment's regulations API: {@code {"regulationType":
 * "SUPPRESS_WITH_DELETE", "subjectType": "USER_ID", "subjectIds": ["u-1"]}}), answered 201 with the
 * finished regulation's record; {@code GET /api/regulations} and {@code /api/regulations/{id}};
 * {@code GET /api/subjects/{id}/export} (everything held about one customer); {@code GET|PUT
 * /api/consent/{userId}} (consent by purpose with its history and refusals).
 */
public final class PrivacyRoutes {
  private final Regulations regulations;
  private final SubjectExport exports;
  private final ConsentRecords consent;

  public PrivacyRoutes(Regulations regulations, SubjectExport exports, ConsentRecords consent) {
    this.regulations = regulations;
    this.exports = exports;
    this.consent = consent;
  }

  public void register(JavalinConfig config) {
    config.routes.post("/api/regulations", this::create);
    config.routes.get("/api/regulations", ctx -> ctx.json(regulations.list()));
    config.routes.get("/api/regulations/{id}", ctx -> ctx.json(regulations.find(ctx.pathParam("id"))
        .orElseThrow(() -> ApiException.notFound("regulation '" + ctx.pathParam("id") + "'"))));
    config.routes.get("/api/subjects/{id}/export", this::export);
    config.routes.get("/api/consent/{userId}", ctx -> ctx.json(consent.view(ctx.pathParam("userId"))
        .orElseThrow(() -> ApiException.notFound("customer '" + ctx.pathParam("userId") + "'"))));
    config.routes.put("/api/consent/{userId}", this::setConsent);
  }

  private void export(Context ctx) {
    String t = ctx.queryParam("subjectType");
    Regulations.SubjectType type = t == null ? Regulations.SubjectType.USER_ID
        : parse(Regulations.SubjectType.class, JsonSupport.MAPPER.getNodeFactory().textNode(t), "subjectType");
    var doc = exports.export(type, ctx.pathParam("id"));
    if (doc == null) throw ApiException.notFound("customer '" + ctx.pathParam("id") + "'");
    ctx.header("Content-Disposition", "attachment; filename=\"subject-export.json\"");
    ctx.json(doc);
  }

  private void setConsent(Context ctx) {
    JsonNode root = body(ctx);
    JsonNode prefs = root.get("categoryPreferences");
    if (prefs == null || !prefs.isObject() || prefs.isEmpty()) {
      throw new IllegalArgumentException("categoryPreferences: expected an object of category -> true/false, e.g. {\"marketing\": false}");
    }
    Map<String, Boolean> categories = new LinkedHashMap<>();
    for (var it = prefs.fields(); it.hasNext(); ) {
      var e = it.next();
      if (!e.getValue().isBoolean()) throw new IllegalArgumentException("categoryPreferences." + e.getKey() + ": must be true or false");
      if (e.getKey().isBlank() || e.getKey().length() > 100) throw new IllegalArgumentException("categoryPreferences: a category name must have 1 to 100 characters");
      categories.put(e.getKey(), e.getValue().booleanValue());
    }
    ctx.json(consent.set(ctx.pathParam("userId"), categories)
        .orElseThrow(() -> ApiException.notFound("customer '" + ctx.pathParam("userId") + "'")));
  }

  /** The request body as a JSON object, else a 400 naming the body. */
  static JsonNode body(Context ctx) {
    JsonNode root;
    try {
      root = JsonSupport.MAPPER.readTree(ctx.bodyAsBytes());
    } catch (IOException e) {
      throw new IllegalArgumentException("body: not valid JSON");
    }
    if (root == null || !root.isObject()) throw new IllegalArgumentException("body: expected a JSON object");
    return root;
  }

  private void create(Context ctx) {
    JsonNode root = body(ctx);
    Regulations.Type type = parse(Regulations.Type.class, root.get("regulationType"), "regulationType");
    JsonNode st = root.get("subjectType");
    Regulations.SubjectType subjectType = st == null || st.isNull() ? Regulations.SubjectType.USER_ID
        : parse(Regulations.SubjectType.class, st, "subjectType");
    JsonNode ids = root.get("subjectIds");
    if (ids == null || !ids.isArray()) throw new IllegalArgumentException("subjectIds: expected an array of identifiers");
    List<String> values = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      if (!ids.get(i).isTextual()) throw new IllegalArgumentException("subjectIds[" + i + "]: must be a string");
      values.add(ids.get(i).asText());
    }
    Regulations.checkIds(values);
    ctx.status(201).json(regulations.create(type, subjectType, values));
  }

  private static <E extends Enum<E>> E parse(Class<E> type, JsonNode node, String field) {
    String allowed = Arrays.toString(type.getEnumConstants());
    if (node == null || !node.isTextual()) throw new IllegalArgumentException(field + ": required, one of " + allowed);
    try {
      return Enum.valueOf(type, node.asText());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ": '" + node.asText() + "' is not one of " + allowed);
    }
  }
}
