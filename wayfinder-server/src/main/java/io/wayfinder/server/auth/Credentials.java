package io.wayfinder.server.auth;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reads credentials from request headers. */
public final class Credentials {
  private Credentials() {}

  /** The bearer token of {@code Authorization: Bearer ...}, or null. */
  public static String bearer(Context ctx) {
    String h = ctx.header("Authorization");
    if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
    return h.substring(7).trim();
  }

  /**
   * The write key of {@code Authorization: Basic base64(key:)} (Segment's convention: the key as
   * user name, empty password), or null.
   */
  public static String basicUser(Context ctx) {
    String h = ctx.header("Authorization");
    if (h == null || !h.regionMatches(true, 0, "Basic ", 0, 6)) return null;
    try {
      String decoded = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? decoded : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
