package io.wayfinder.server.problem;

import io.wayfinder.server.JsonSupport;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers as problem+json rather than its HTML page: a request Jetty refuses
 * while parsing it (a malformed or ambiguous URI such as {@code %00} or {@code /../}, headers
 * too large) never reaches a route, so {@link Problems}' handlers cannot answer it. Installed as
 * the server's error handler, which Jetty calls for exactly those.
 */
final class JettyProblems extends ErrorHandler {
  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) throws IOException {
    // No instance: for an unparsable request Jetty only knows a stand-in path ("/badMessage").
    Problem problem = new Problem("about:blank", Problems.title(code), code, detail(code, cause), null, null);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
    response.write(true, ByteBuffer.wrap(JsonSupport.MAPPER.writeValueAsBytes(problem)), callback);
  }

  /** Jetty's reason ("Bad URI", "Invalid Content-Length Value"), never the exception's class or stack. */
  private static String detail(int code, Throwable cause) {
    String generic = HttpStatus.getMessage(code);
    String reason = cause instanceof HttpException h ? h.getReason() : null;
    // For a URI it cannot parse, Jetty's reason is the bare status text; its parser's message says more.
    if ((reason == null || reason.equals(generic)) && cause != null && cause.getCause() != null) reason = cause.getCause().getMessage();
    return "the HTTP server refused the request before routing it: " + (reason == null ? generic : reason);
  }
}
