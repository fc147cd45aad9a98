package io.wayfinder.server.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Map;

/**
 * The web application's files: plain HTML, CSS and ES modules from the class path
 * ({@code /web}, served at {@code /ui}) and ECharts and Cytoscape from their WebJars
 * ({@code /webjars/...}). They hold no data, so they need no session; the data comes from
 * {@code /api}, which does.
 */
public final class WebApp {
  public static final String HOME = "/ui/index.html";
  public static final String LOGIN = "/ui/login.html";
  /** Scripts only from this server; ECharts and Cytoscape set inline styles, hence style-src. */
  static final Map<String, String> HEADERS = Map.of(
      "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          + "img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "same-origin",
      "Cache-Control", "no-cache");

  private WebApp() {}

  /** {@code signedIn}: whether a request carries a live session, so "/" goes straight to the right page. */
  public static void register(JavalinConfig config, java.util.function.Predicate<io.javalin.http.Context> signedIn) {
    config.staticFiles.add(sf -> {
      sf.hostedPath = "/ui";
      sf.directory = "/web";
      sf.location = Location.CLASSPATH;
      sf.headers = HEADERS;
    });
    config.staticFiles.enableWebjars();
    config.routes.get("/", ctx -> ctx.redirect(signedIn.test(ctx) ? HOME : LOGIN));
  }
}
