package io.wayfinder.server.voc;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.wayfinder.core.collect.Source;
import io.wayfinder.server.JsonSupport;
import io.wayfinder.server.auth.Credentials;
import io.wayfinder.server.problem.ApiException;
import io.wayfinder.store.sources.SourceStore;
import io.wayfinder.store.voc.Invitation;
import io.wayfinder.store.voc.SurveyJson;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What customers reach, without the admin token: the hosted page {@code GET|POST /s/{token}} (the
 * invitation token is the credential), the widget script {@code /widget.js} and its
 * {@code GET /widget/invitation} (authenticated by a source's write key plus a customer token the
 * site's backend signs, see {@link CustomerToken}). Cross-origin calls are allowed, since the widget
 * runs on the company's own website.
 */
public final class PublicSurveyRoutes {
  /** Largest accepted answer body; generous for 20 questions of 2,000 characters. */
  public static final int MAX_BODY = 64 * 1024;

  private final SurveyService service;
  private final SourceStore sources;
  private final byte[] widget;

  public PublicSurveyRoutes(SurveyService service, SourceStore sources) {
    this.service = service;
    this.sources = sources;
    try (InputStream in = PublicSurveyRoutes.class.getResourceAsStream("/io/wayfinder/server/voc/widget.js")) {
      this.widget = in.readAllBytes();
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("widget.js is missing from the server's resources", e);
    }
  }

  public void register(JavalinConfig config) {
    for (String p : List.of("/s/*", "/widget/*", "/widget.js")) config.routes.before(p, PublicSurveyRoutes::cors);
    config.routes.before("/s/*", PublicSurveyRoutes::pageSecurity);
    config.routes.options("/s/{token}", ctx -> ctx.status(204));
    config.routes.options("/widget/invitation", ctx -> ctx.status(204));
    config.routes.get("/widget.js", ctx -> ctx.contentType("text/javascript; charset=utf-8")
        .header("Cache-Control", "max-age=300").result(widget));
    config.routes.get("/widget/invitation", this::widgetInvitation);
    config.routes.get("/s/{token}", this::page);
    config.routes.post("/s/{token}", this::submit);
  }

  private static void cors(Context ctx) {
    ctx.header("Access-Control-Allow-Origin", "*");
    ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type");
    ctx.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    ctx.header("Access-Control-Max-Age", "600");
  }

  /**
   * The hosted page has no script and only its own inline style, and posts only to itself; it may
   * not be framed (clickjacking a customer's answer), and its URL holds the invitation token, so
   * no referrer leaves it.
   */
  static final String PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
      + "frame-ancestors 'none'; base-uri 'none'";

  private static void pageSecurity(Context ctx) {
    ctx.header("Content-Security-Policy", PAGE_CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
  }

  private void page(Context ctx) {
    Invitation inv;
    try {
      inv = service.invitation(ctx.pathParam("token"));
    } catch (ApiException e) {
      // a customer following a broken link gets a page in plain words, not a problem document
      if (e.status() != 404) throw e;
      ctx.status(404).html(SurveyPage.message("Survey", CustomerWording.UNKNOWN_LINK));
      return;
    }
    var survey = service.survey(inv.surveyId());
    if (inv.answered()) {
      ctx.status(409).html(SurveyPage.message(survey.name(), CustomerWording.ANSWERED));
    } else {
      ctx.html(SurveyPage.form(survey, inv.token(), null));
    }
  }

  private void submit(Context ctx) {
    if (ctx.bodyAsBytes().length > MAX_BODY) throw new ApiException(413, "the answers are " + ctx.bodyAsBytes().length
        + " bytes; the limit is " + MAX_BODY);
    String token = ctx.pathParam("token");
    String type = String.valueOf(ctx.contentType());
    if (!type.startsWith("application/x-www-form-urlencoded")) {
      ctx.status(201).json(service.submit(token, jsonAnswers(ctx.bodyAsBytes())));
      return;
    }
    // A browser posting the hosted form gets a page back, with the same status an API client would.
    Map<String, String> answers = new LinkedHashMap<>();
    ctx.formParamMap().forEach((k, v) -> answers.put(k, v.isEmpty() ? null : v.get(v.size() - 1)));
    try {
      var done = service.submit(token, answers);
      ctx.status(201).html(SurveyPage.message(service.survey(done.surveyId()).name(), CustomerWording.THANKS));
    } catch (ApiException e) {
      ctx.status(e.status()).html(SurveyPage.message("Survey", e.status() == 404 ? CustomerWording.UNKNOWN_LINK
          : "Sorry, your answer could not be recorded just now. Please try again in a few minutes."));
    } catch (IllegalStateException e) {
      ctx.status(409).html(SurveyPage.message("Survey", CustomerWording.ANSWERED));
    } catch (IllegalArgumentException e) {
      var survey = service.survey(service.invitation(token).surveyId());
      ctx.status(400).html(SurveyPage.form(survey, token, CustomerWording.of(survey, e)));
    }
  }

  /** {@code {"answers": {"nps": 9, "why": "..."}}}: numbers and strings, keyed by question id. */
  static Map<String, String> jsonAnswers(byte[] body) {
    JsonNode root;
    try {
      root = JsonSupport.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("body: not valid JSON; expected {\"answers\": {\"<question id>\": <value>}}");
    }
    JsonNode answers = root == null ? null : root.get("answers");
    if (answers == null || !answers.isObject()) {
      throw new IllegalArgumentException("answers: expected an object {\"<question id>\": <value>}");
    }
    Map<String, String> out = new LinkedHashMap<>();
    answers.fields().forEachRemaining(e -> {
      JsonNode v = e.getValue();
      if (!v.isNull() && !v.isValueNode()) throw new IllegalArgumentException("answers." + e.getKey() + ": expected a number or a string");
      out.put(e.getKey(), v.isNull() ? null : v.asText());
    });
    return out;
  }

  private void widgetInvitation(Context ctx) {
    String key = ctx.queryParam("writeKey") != null ? ctx.queryParam("writeKey") : Credentials.basicUser(ctx);
    if (key == null) throw ApiException.unauthorized("the widget needs a source's write key (writeKey=... or HTTP Basic)");
    Source source = sources.byWriteKey(key).orElseThrow(() -> ApiException.unauthorized("unknown write key"));
    String customer = ctx.queryParam("customer");
    if (customer == null || customer.isBlank()) throw new IllegalArgumentException("customer: the customer's user id is required");
    verifyCustomer(source, customer, ctx.queryParam("customerToken"));
    Invitation inv = service.widgetInvitation(ctx.queryParam("survey"), customer.strip(), source.channel());
    if (inv == null) {
      ctx.status(204);
      return;
    }
    var survey = service.survey(inv.surveyId());
    ctx.json(Map.of("token", inv.token(), "url", "/s/" + inv.token(), "survey", SurveyJson.write(survey)));
  }

  private void verifyCustomer(Source source, String customer, String token) {
    CustomerVerification.require(sources, source, customer, token);
  }
}
