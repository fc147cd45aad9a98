package io.wayfinder.server.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.wayfinder.server.JsonSupport;
import io.wayfinder.server.problem.ApiException;
import io.wayfinder.server.problem.Problems;
import io.wayfinder.store.users.User;
import io.wayfinder.store.users.UserStore;
import io.wayfinder.store.users.WebSession;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in, sign-out and the current session, under {@code /auth} (outside {@code /api}, which
 * they open). Sign-in takes JSON only, so a cross-site form cannot sign a browser in, and goes
 * through {@link SignInThrottle}. The client address is the connection's peer: no proxy header is
 * trusted, so behind a reverse proxy the per-address limit counts the proxy's address.
 */
public final class SignInRoutes {
  private final UserStore users;
  private final Sessions sessions;
  private final SignInThrottle throttle;

  record Credentials(String name, String password) {}

  public SignInRoutes(UserStore users, Sessions sessions, SignInThrottle throttle) {
    this.users = users;
    this.sessions = sessions;
    this.throttle = throttle;
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
    SignInThrottle.Admission admission = throttle.admit(c.name(), ctx.ip());
    if (admission instanceof SignInThrottle.Refused refused) {
      refuse(ctx, refused.retryAfter());
      return;
    }
    Optional<User> user = users.authenticate(c.name(), c.password());
    if (user.isEmpty()) throw ApiException.unauthorized("unknown user or wrong password");
    throttle.succeeded((SignInThrottle.Admitted) admission);
    // Whatever session id the browser brought is dropped and a new one issued: a planted id opens nothing.
    sessions.close(SessionCookie.read(ctx));
    Sessions.Opened opened = sessions.open(user.get());
    SessionCookie.set(ctx, opened.id());
    ctx.header("Cache-Control", "no-store");
    ctx.json(view(opened.session()));
  }

  /** 429 with Retry-After in whole seconds, rounded up so a client that waits exactly that long gets through. */
  private static void refuse(Context ctx, Duration wait) {
    long seconds = Math.max(1, (wait.toNanos() + 999_999_999) / 1_000_000_000);
    ctx.header("Retry-After", Long.toString(seconds));
    Problems.send(ctx, 429, "too many failed sign-ins for this name or from this address; try again in " + seconds
        + " seconds. Until then every sign-in is refused without checking the password, a correct one too", null);
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
