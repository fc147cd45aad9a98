package io.wayfinder.server.voc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.wayfinder.core.voc.kpi.ResponseRate;
import io.wayfinder.core.voc.survey.SurveyDefinition;
import io.wayfinder.server.JsonSupport;
import io.wayfinder.server.api.ManagementRoutes;
import io.wayfinder.store.voc.Invitation;
import io.wayfinder.store.voc.InvitationStore;
import io.wayfinder.store.voc.ResponseStore;
import io.wayfinder.store.voc.SurveyJson;
import io.wayfinder.store.voc.SurveyStore;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The survey management API under {@code /api/surveys} (admin token): definitions, invitations
 * (a link per customer), responses, and submitting a response on a customer's behalf.
 */
public final class SurveyRoutes {
  private final SurveyService service;
  private final SurveyStore surveys;
  private final InvitationStore invitations;
  private final ResponseStore responses;

  public SurveyRoutes(SurveyService service, SurveyStore surveys, InvitationStore invitations, ResponseStore responses) {
    this.service = service;
    this.surveys = surveys;
    this.invitations = invitations;
    this.responses = responses;
  }

  public void register(JavalinConfig config) {
    config.routes.post("/api/surveys", ctx -> ctx.status(201).json(view(service.create(SurveyJson.read(ctx.bodyAsBytes())))));
    config.routes.get("/api/surveys", ctx -> ctx.json(Map.of("surveys", surveys.list().stream().map(this::view).toList())));
    config.routes.get("/api/surveys/{id}", ctx -> ctx.json(view(service.survey(ctx.pathParam("id")))));
    config.routes.post("/api/surveys/{id}/invitations", this::invite);
    config.routes.get("/api/surveys/{id}/invitations", ctx -> ctx.json(Map.of("invitations",
        invitations.list(service.survey(ctx.pathParam("id")).id(), ManagementRoutes.limit(ctx, "limit", 100, 10_000)))));
    config.routes.get("/api/surveys/{id}/responses", ctx -> ctx.json(Map.of("answers",
        responses.list(service.survey(ctx.pathParam("id")).id(), ManagementRoutes.limit(ctx, "limit", 100, 10_000)))));
    config.routes.post("/api/surveys/{id}/responses", this::respond);
  }

  /** The definition with its invitation and response counts and the response rate (Wilson interval). */
  private ObjectNode view(SurveyDefinition s) {
    ObjectNode n = SurveyJson.write(s);
    long[] c = invitations.counts(s.id());
    ObjectNode stats = n.putObject("stats").put("invited", c[0]).put("responded", c[1]);
    if (c[0] > 0) {
      ResponseRate rate = new ResponseRate(c[0], c[1]);
      stats.put("responseRate", rate.value()).put("responseRateLow", rate.wilson(0.95).low())
          .put("responseRateHigh", rate.wilson(0.95).high());
    }
    return n;
  }

  private record Customer(String userId, String anonymousId, String channel) {}

  private static Customer customer(JsonNode body) {
    return new Customer(text(body, "customer"), text(body, "anonymousId"), text(body, "channel"));
  }

  /** Body {@code {"customer": "cust-1", "channel": "email"}}: a link to send to that customer. */
  private void invite(Context ctx) {
    SurveyDefinition s = service.survey(ctx.pathParam("id"));
    Customer c = customer(body(ctx));
    Invitation inv = service.invite(s, "link", c.userId(), c.anonymousId(), c.channel());
    ctx.status(201).json(Map.of("token", inv.token(), "url", "/s/" + inv.token(), "invitation", inv));
  }

  /** Body {@code {"customer": "cust-1", "channel": "call_centre", "answers": {...}}}: a response taken by another system. */
  private void respond(Context ctx) {
    SurveyDefinition s = service.survey(ctx.pathParam("id"));
    JsonNode body = body(ctx);
    Map<String, String> answers = PublicSurveyRoutes.jsonAnswers(ctx.bodyAsBytes());
    s.validate(answers); // before the invitation, so bad answers leave nothing behind
    Customer c = customer(body);
    Invitation inv = service.invite(s, "api", c.userId(), c.anonymousId(), c.channel());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("response", service.submit(inv.token(), answers));
    ctx.status(201).json(out);
  }

  private static JsonNode body(Context ctx) {
    try {
      JsonNode n = JsonSupport.MAPPER.readTree(ctx.bodyAsBytes());
      if (n == null || !n.isObject()) throw new IOException("not an object");
      return n;
    } catch (IOException e) {
      throw new IllegalArgumentException("body: expected a JSON object with \"customer\"");
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
