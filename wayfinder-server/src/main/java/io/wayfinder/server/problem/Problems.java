package io.wayfinder.server.problem;

import com.fasterxml.jackson.core.JacksonException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.wayfinder.core.collect.InvalidMessageException;
import io.wayfinder.core.eventlog.EventLogException;
import io.wayfinder.core.collect.Violation;
import io.wayfinder.store.imports.ImportStalledException;
import io.wayfinder.store.json.JsonInputErrors;
import java.util.List;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps every failure to a problem+json answer, so the server answers every request and keeps serving. */
public final class Problems {
  private static final Logger log = LoggerFactory.getLogger(Problems.class);
  private static final Map<Integer, String> TITLES = Map.ofEntries(
      Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
      Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(409, "Conflict"),
      Map.entry(413, "Content Too Large"), Map.entry(414, "URI Too Long"), Map.entry(415, "Unsupported Media Type"),
      Map.entry(429, "Too Many Requests"), Map.entry(431, "Request Header Fields Too Large"),
      Map.entry(500, "Internal Server Error"), Map.entry(503, "Service Unavailable"));

  private Problems() {}

  public static void install(JavalinConfig config) {
    config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems()));
    config.routes.exception(InvalidMessageException.class, (e, ctx) -> {
      send(ctx, e.status(), e.getMessage(), e.violations());
    });
    config.routes.exception(EventLogException.class, (e, ctx) -> {
      send(ctx, 400, e.getMessage(), List.of(new Violation((int) e.line(), e.field(), e.reason())));
    });
    // a stuck import was stopped so collection could go on: the server's condition, not the file's
    config.routes.exception(ImportStalledException.class, (e, ctx) -> send(ctx, 503, e.getMessage(), null));
    config.routes.exception(ApiException.class, (e, ctx) -> send(ctx, e.status(), e.getMessage(), null));
    config.routes.exception(IllegalArgumentException.class, (e, ctx) -> send(ctx, 400, e.getMessage(), null));
    // A body Jackson cannot read or bind: worded without Java class names, naming the JSON path.
    config.routes.exception(JacksonException.class, (e, ctx) -> {
      if (JsonInputErrors.isInputError(e)) send(ctx, 400, JsonInputErrors.describe(e), null);
      else failed(e, ctx);
    });
    config.routes.exception(IllegalStateException.class, (e, ctx) -> send(ctx, 409, e.getMessage(), null));
    config.routes.exception(HttpResponseException.class, (e, ctx) -> send(ctx, e.getStatus(), e.getMessage(), null));
    config.routes.exception(Exception.class, Problems::failed);
    for (int status : new int[] {404, 405}) {
      config.routes.error(status, "*", ctx -> {
        String type = ctx.res().getContentType();
        // Jetty may add a charset; an ApiException's own 404 must not be replaced by the generic one,
        // nor a page written for a person (the hosted survey page's "this link does not work").
        if (type == null || !(type.startsWith(Problem.CONTENT_TYPE) || type.startsWith("text/html"))) {
          send(ctx, status, status == 404 ? "no such resource: " + ctx.path() : "method not allowed", null);
        }
      });
    }
  }

  private static void failed(Exception e, Context ctx) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      // The request guard's verdict on a body (too large, too slow) surfacing from a read.
      if (c instanceof HttpException h && h.getCode() >= 400 && h.getCode() < 500) {
        send(ctx, h.getCode(), h.getReason(), null);
        return;
      }
      if (c instanceof EofException) {
        log.debug("request {} {}: the client went away", ctx.method(), ctx.path());
        return;
      }
    }
    log.error("request {} {} failed", ctx.method(), ctx.path(), e);
    send(ctx, 500, "the server could not complete the request; see its log", null);
  }

  static String title(int status) {
    return TITLES.getOrDefault(status, status >= 500 ? "Server Error" : "Bad Request");
  }

  public static void send(Context ctx, int status, String detail, List<Violation> errors) {
    ctx.status(status);
    ctx.json(new Problem("about:blank", title(status), status, detail, ctx.path(), errors == null || errors.isEmpty() ? null : errors));
    ctx.contentType(Problem.CONTENT_TYPE);
  }
}
