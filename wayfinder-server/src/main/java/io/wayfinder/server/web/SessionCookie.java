package io.wayfinder.server.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/** The session cookie: HttpOnly (no script reads it), SameSite=Strict, Secure behind HTTPS. */
final class SessionCookie {
  static final String NAME = "wf_session";

  private SessionCookie() {}

  static String read(Context ctx) {
    return ctx.cookie(NAME);
  }

  static void set(Context ctx, String id) {
    ctx.cookie(cookie(ctx, id, -1));
  }

  static void clear(Context ctx) {
    ctx.cookie(cookie(ctx, "", 0));
  }

  private static Cookie cookie(Context ctx, String value, int maxAge) {
    Cookie c = new Cookie(NAME, value, "/", maxAge, secure(ctx), true, null, SameSite.STRICT);
    c.setHttpOnly(true);
    c.setSecure(secure(ctx));
    return c;
  }

  /** HTTPS directly or through a proxy that says so. */
  private static boolean secure(Context ctx) {
    return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
  }
}
