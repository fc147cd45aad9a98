package io.wayfinder.server.flow;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.wayfinder.core.act.flow.FlowCatalogue;
import io.wayfinder.core.act.flow.FlowDefinition;
import io.wayfinder.core.act.flow.FlowReader;
import io.wayfinder.core.act.flow.InvalidFlowException;
import io.wayfinder.core.collect.Violation;
import io.wayfinder.server.auth.Credentials;
import io.wayfinder.server.problem.ApiException;
import io.wayfinder.server.problem.Problems;
import io.wayfinder.store.flow.FlowQueries;
import io.wayfinder.store.flow.FlowVersionStore;
import io.wayfinder.store.flow.Outbox;
import io.wayfinder.store.profiles.ProfileStore;
import io.wayfinder.store.sources.SourceStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flow API: load (validate, store as a draft), publish, list, one flow with per-node live
 * counts, a customer's trace, dead letters and their replay, webhook secrets (all under
 * {@code /api}, admin only), and {@code GET /v1/messages} for the in-app messages of a customer
 * (write key).
 */
public final class FlowRoutes {
  private final FlowVersionStore versions;
  private final FlowQueries queries;
  private final Outbox outbox;
  private final ProfileStore profiles;
  private final SourceStore sources;

  public FlowRoutes(FlowVersionStore versions, FlowQueries queries, Outbox outbox, ProfileStore profiles, SourceStore sources) {
    this.versions = versions;
    this.queries = queries;
    this.outbox = outbox;
    this.profiles = profiles;
    this.sources = sources;
  }

  public void register(JavalinConfig config) {
    config.routes.post("/api/flows", this::load);
    config.routes.get("/api/flows", ctx -> ctx.json(Map.of("flows", versions.list().stream().map(FlowRoutes::summary).toList())));
    config.routes.get("/api/flows/dead-letters", ctx -> ctx.json(Map.of("deadLetters", outbox.deadLetters())));
    config.routes.post("/api/flows/dead-letters/{key}/replay", ctx -> {
      if (!outbox.replay(ctx.pathParam("key"), Instant.now())) throw ApiException.notFound("dead letter '" + ctx.pathParam("key") + "'");
      ctx.status(202).json(Map.of("replayed", ctx.pathParam("key")));
    });
    config.routes.put("/api/flows/secrets/{name}", ctx -> {
      String value = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8).strip();
      if (value.length() < 16) throw new IllegalArgumentException("body: a webhook secret needs at least 16 characters");
      queries.putSecret(ctx.pathParam("name"), value);
      ctx.status(204);
    });
    config.routes.get("/api/flows/{id}", this::show);
    config.routes.post("/api/flows/{id}/publish", ctx -> {
      String v = ctx.queryParam("version");
      Integer version = v == null ? null : parseVersion(v);
      var f = versions.publish(ctx.pathParam("id"), version)
          .orElseThrow(() -> ApiException.notFound("flow '" + ctx.pathParam("id") + "'" + (v == null ? "" : " version " + v)));
      ctx.json(summary(f));
    });
    config.routes.get("/api/profiles/{id}/flows", ctx -> {
      long id = profiles.find(ctx.pathParam("id"), 0).orElseThrow(() -> ApiException.notFound("profile '" + ctx.pathParam("id") + "'")).id();
      ctx.json(Map.of("profile", id, "instances", queries.trace(id)));
    });
    config.routes.get("/v1/messages", this::messages);
  }

  private static int parseVersion(String v) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("version: expects a whole number; got \"" + v + "\"");
    }
  }

  private void load(Context ctx) {
    String body = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
    FlowCatalogue names = "false".equals(ctx.queryParam("checkNames")) ? FlowCatalogue.OPEN : versions.catalogue();
    String type = String.valueOf(ctx.contentType());
    boolean yaml = type.contains("yaml") || (!body.stripLeading().startsWith("{") && !type.contains("json"));
    FlowDefinition d;
    try {
      d = yaml ? FlowReader.readYaml(body, names) : FlowReader.readJson(body, names);
    } catch (InvalidFlowException e) {
      List<Violation> errors = e.problems().stream()
          .map(p -> new Violation(0, (p.node() == null ? "flow" : "node '" + p.node() + "'") + ", field '" + p.field() + "'",
              p.message()))
          .toList();
      Problems.send(ctx, 422, "the flow is not valid (" + errors.size() + " problem" + (errors.size() == 1 ? "" : "s")
          + "); nothing was stored: " + errors.get(0).describe(), errors);
      return;
    }
    var stored = versions.load(d);
    ctx.status(201).header("Location", "/api/flows/" + d.id()).json(summary(stored));
  }

  private void show(Context ctx) {
    String id = ctx.pathParam("id");
    var all = versions.versions(id);
    if (all.isEmpty()) throw ApiException.notFound("flow '" + id + "'");
    var latest = all.get(all.size() - 1);
    Map<String, Object> out = new LinkedHashMap<>(summary(latest));
    out.put("versions", all.stream().map(FlowRoutes::summary).toList());
    out.put("definition", latest.definition());
    out.put("instances", queries.instancesByStatus(id));
    out.put("nodes", queries.counts(id));
    ctx.json(out);
  }

  private void messages(Context ctx) {
    String key = ctx.queryParam("writeKey") != null ? ctx.queryParam("writeKey") : Credentials.basicUser(ctx);
    var source = key == null ? java.util.Optional.<io.wayfinder.core.collect.Source>empty() : sources.byWriteKey(key);
    if (source.isEmpty()) {
      throw ApiException.unauthorized("a valid write key is required: HTTP Basic auth with the key as user name, or ?writeKey=");
    }
    String customer = ctx.queryParam("userId") != null ? ctx.queryParam("userId") : ctx.queryParam("anonymousId");
    if (customer == null || customer.isBlank()) throw new IllegalArgumentException("userId: name the customer (userId or anonymousId)");
    // the write key is public: only the site's backend can say which customer is asking (as for the survey widget)
    io.wayfinder.server.voc.CustomerVerification.require(sources, source.get(), customer, ctx.queryParam("customerToken"));
    ctx.json(Map.of("messages", queries.messages(customer, Instant.now())));
  }

  private static Map<String, Object> summary(FlowVersionStore.StoredFlow f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", f.id());
    m.put("version", f.version());
    m.put("name", f.definition().name());
    m.put("status", f.publishedAt() == null ? "draft" : "published");
    m.put("loadedAt", f.loadedAt());
    m.put("publishedAt", f.publishedAt());
    return m;
  }
}
