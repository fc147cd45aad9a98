package io.wayfinder.server.web;

import io.javalin.http.Context;
import io.wayfinder.server.problem.ApiException;
import io.wayfinder.store.users.Role;
import io.wayfinder.store.users.WebSession;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Lets a signed-in session use {@code /api}, next to the admin bearer token. A request that
 * changes something must echo the session's CSRF token in {@code X-CSRF-Token} (SameSite=Strict
 * already keeps the cookie off cross-site requests; this is the second lock). Members read and run
 * queries; only admins change sources, imports, journeys and users.
 */
public final class WebAccess implements Predicate<Context> {
  public static final String CSRF_HEADER = "X-CSRF-Token";
  /** POST routes that only read (a query too large for a URL); members may run them. */
  private static final Set<String> QUERY_POSTS = Set.of("/api/funnels", "/api/paths", "/api/retention");

  private final Sessions sessions;

  public WebAccess(Sessions sessions) {
    this.sessions = sessions;
  }

  /** True when the request has a live session allowed to do this; 403 when the session may not. */
  @Override
  public boolean test(Context ctx) {
    Optional<WebSession> found = sessions.find(SessionCookie.read(ctx));
    if (found.isEmpty()) return false;
    WebSession s = found.get();
    String method = ctx.method().name();
    boolean reading = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    if (!reading && !sameToken(s.csrf(), ctx.header(CSRF_HEADER))) {
      throw new ApiException(403, "a signed-in change needs the session's token in " + CSRF_HEADER + " (see GET /auth/session)");
    }
    String path = ctx.path();
    boolean adminOnly = path.startsWith("/api/users") || (!reading && !QUERY_POSTS.contains(path));
    if (adminOnly && s.role() != Role.ADMIN) {
      throw new ApiException(403, "only an admin may do this; '" + s.user() + "' is a member");
    }
    ctx.attribute("wf.user", s.user());
    return true;
  }

  private static boolean sameToken(String expected, String given) {
    return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
