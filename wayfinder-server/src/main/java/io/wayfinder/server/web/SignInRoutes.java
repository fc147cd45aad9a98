package io.wayfinder.server.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.wayfinder.server.JsonSupport;
import io.wayfinder.server.problem.ApiException;
import io.wayfinder.store.users.User;
import io.wayfinder.store.users.UserStore;
import io.wayfinder.store.users.WebSession;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in, sign-out and the current session, under {@code /auth} (outside {@code /api}, which
 * they open). Sign-in takes JSON only, so a cross-site form cannot sign a browser in.
 */
public final class SignInRoutes {
  private final UserStore users;
  private final Sessions sessions;

  record Credentials(String name, String password) {}

  public SignInRoutes(UserStore users, Sessions sessions) {
    this.users = users;
    this.sessions = sessions;
  }

  public void register(JavalinConfig config) {
    config.routes.post("/auth/sign-in", this::signIn);
    config.routes.post("/auth/sign-out", this::signOut);
    config.routes.get("/auth/session", this::current);
  }

  private void signIn(Context ctx) {
    String type = String.valueOf(ctx.contentType());
    if (!type.startsWith("application/json")) throw new ApiException(415, "sign-in takes application/json: {\"name\", \"password\"}");
    Credentials c;
    try {
      c = JsonSupport.MAPPER.readValue(ctx.bodyAsBytes(), Credentials.class);
    } catch (IOException e) {
      c = null;
    }
    if (c == null || c.name() == null || c.password() == null) throw new IllegalArgumentException("body: expected {\"name\": \"...\", \"password\": \"...\"}");
    Optional<User> user = users.authenticate(c.name(), c.password());
    if (user.isEmpty()) throw ApiException.unauthorized("unknown user or wrong password");
    // Whatever session id the browser brought is dropped and a new one issued: a planted id opens nothing.
    sessions.close(SessionCookie.read(ctx));
    Sessions.Opened opened = sessions.open(user.get());
    SessionCookie.set(ctx, opened.id());
    ctx.header("Cache-Control", "no-store");
    ctx.json(view(opened.session()));
  }

  private void signOut(Context ctx) {
    sessions.close(SessionCookie.read(ctx));
    SessionCookie.clear(ctx);
    ctx.status(204);
  }

  private void current(Context ctx) {
    WebSession s = sessions.find(SessionCookie.read(ctx))
        .orElseThrow(() -> ApiException.unauthorized("not signed in"));
    ctx.header("Cache-Control", "no-store");
    ctx.json(view(s));
  }

  private static Map<String, Object> view(WebSession s) {
    return Map.of("name", s.user(), "role", s.role().id(), "csrf", s.csrf(), "signedInAt", s.created().toString());
  }
}
