package io.wayfinder.server.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.wayfinder.server.JsonSupport;
import io.wayfinder.server.problem.ApiException;
import io.wayfinder.store.privacy.Regulations;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code POST /api/regulations} (Segment's regulations API: {@code {"regulationType":
 * "SUPPRESS_WITH_DELETE", "subjectType": "USER_ID", "subjectIds": ["u-1"]}}), answered 201 with the
 * finished regulation's record; {@code GET /api/regulations} and {@code /api/regulations/{id}}.
 */
public final class PrivacyRoutes {
  private final Regulations regulations;

  public PrivacyRoutes(Regulations regulations) {
    this.regulations = regulations;
  }

  public void register(JavalinConfig config) {
    config.routes.post("/api/regulations", this::create);
    config.routes.get("/api/regulations", ctx -> ctx.json(regulations.list()));
    config.routes.get("/api/regulations/{id}", ctx -> ctx.json(regulations.find(ctx.pathParam("id"))
        .orElseThrow(() -> ApiException.notFound("regulation '" + ctx.pathParam("id") + "'"))));
  }

  private void create(Context ctx) {
    JsonNode root;
    try {
      root = JsonSupport.MAPPER.readTree(ctx.bodyAsBytes());
    } catch (IOException e) {
      throw new IllegalArgumentException("body: not valid JSON");
    }
    if (root == null || !root.isObject()) throw new IllegalArgumentException("body: expected a JSON object");
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
