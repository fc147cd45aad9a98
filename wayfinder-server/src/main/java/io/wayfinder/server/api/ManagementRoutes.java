package io.wayfinder.server.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.wayfinder.core.collect.Source;
import io.wayfinder.server.JsonSupport;
import io.wayfinder.server.auth.AdminToken;
import io.wayfinder.server.auth.Credentials;
import io.wayfinder.server.problem.ApiException;
import io.wayfinder.store.Database;
import io.wayfinder.store.Stats;
import io.wayfinder.store.profiles.ProfileStore;
import io.wayfinder.store.sources.SourceStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The management API under {@code /api}: sources, stats, profiles and the OpenAPI document.
 * Every route needs {@code Authorization: Bearer <admin token>} or a signed-in web session
 * ({@code sessionAccess}); a source's write key opens nothing here.
 */
public final class ManagementRoutes {
  private final Database db;
  private final SourceStore sources;
  private final ProfileStore profiles;
  private final AdminToken token;
  private final Predicate<Context> sessionAccess;

  public ManagementRoutes(Database db, SourceStore sources, AdminToken token) {
    this(db, sources, token, ctx -> false);
  }

  /** {@code sessionAccess} admits a request by its web session (and may refuse it with 403). */
  public ManagementRoutes(Database db, SourceStore sources, AdminToken token, Predicate<Context> sessionAccess) {
    this.db = db;
    this.sources = sources;
    this.profiles = new ProfileStore(db);
    this.token = token;
    this.sessionAccess = sessionAccess;
  }

  /** Sources in the shape the API returns them. */
  public record SourceView(String id, String name, String channel, String writeKey, String createdAt) {
    public static SourceView of(Source s) {
      return new SourceView(s.id(), s.name(), s.channel(), s.writeKey(), s.createdAt().toString());
    }
  }

  record NewSource(String name, String channel) {}

  public void register(JavalinConfig config) {
    config.routes.before("/api/*", this::authorise);
    config.routes.before("/api", this::authorise);
    config.routes.get("/api/sources", ctx -> ctx.json(sources.list().stream().map(SourceView::of).toList()));
    config.routes.post("/api/sources", this::createSource);
    config.routes.post("/api/sources/{source}/signing-secret", ctx -> ctx.status(201).json(sources.newSigningSecret(
        sources.byIdOrName(ctx.pathParam("source")).orElseThrow(() -> ApiException.notFound("source '" + ctx.pathParam("source") + "'")).id())));
    config.routes.get("/api/stats", ctx -> ctx.json(Stats.read(db)));
    config.routes.get("/api/profiles", ctx -> ctx.json(Map.of("profiles", profiles.mostActive(limit(ctx, "limit", 50, 1000)))));
    config.routes.get("/api/profiles/{id}", ctx -> ctx.json(profiles.find(ctx.pathParam("id"), limit(ctx, "timeline", 200, 10_000))
        .orElseThrow(() -> ApiException.notFound("profile '" + ctx.pathParam("id") + "'"))));
    config.routes.get("/api/openapi.json", ctx -> {
      try (InputStream in = ManagementRoutes.class.getResourceAsStream("/io/wayfinder/server/openapi.json")) {
        ctx.contentType("application/json").result(in.readAllBytes());
      }
    });
  }

  private void authorise(Context ctx) {
    if (!token.matches(Credentials.bearer(ctx)) && !sessionAccess.test(ctx)) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"wayfinder\"");
      throw ApiException.unauthorized("the management API needs 'Authorization: Bearer <admin token>' "
          + "(printed on first start, stored in <data>/admin-token, or set with WAYFINDER_ADMIN_TOKEN) or a signed-in session");
    }
  }

  private void createSource(Context ctx) throws IOException {
    NewSource in;
    try {
      in = JsonSupport.MAPPER.readValue(ctx.bodyAsBytes(), NewSource.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("body: expected {\"name\": \"...\", \"channel\": \"...\"}");
    }
    if (in == null) throw new IllegalArgumentException("body: expected {\"name\": \"...\", \"channel\": \"...\"}");
    ctx.status(201).json(SourceView.of(sources.create(in.name(), in.channel())));
  }

  /** A whole-number query parameter from 1 to {@code max}, or {@code dflt} when absent; 400 names it otherwise. */
  public static int limit(Context ctx, String param, int dflt, int max) {
    String v = ctx.queryParam(param);
    if (v == null) return dflt;
    try {
      int n = Integer.parseInt(v);
      if (n < 1 || n > max) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(param + ": expected a whole number from 1 to " + max);
    }
  }
}
