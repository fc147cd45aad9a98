package io.wayfinder.server.web;

import io.wayfinder.server.WayfinderServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/** A browser's side of the web sign-in against one running server: credentials, the session cookie, the CSRF token. */
final class WebClient {
  final String base;
  private final HttpClient http = HttpClient.newHttpClient();

  WebClient(WayfinderServer server) {
    this.base = "http://127.0.0.1:" + server.port();
  }

  /** The {@code wf_session=...} cookie of a successful sign-in, or empty. */
  Optional<String> signIn(String name, String password) throws Exception {
    HttpResponse<String> r = signInResponse(name, password);
    return r.statusCode() == 200 ? sessionCookie(r) : Optional.empty();
  }

  HttpResponse<String> signInResponse(String name, String password) throws Exception {
    return send("POST", "/auth/sign-in", null, credentials(name, password), null, "application/json", null);
  }

  HttpResponse<String> get(String path, String cookie) throws Exception {
    return send("GET", path, null, null, cookie, "application/json", null);
  }

  /** The session's CSRF token, as the web application reads it from {@code GET /auth/session}. */
  String csrf(String cookie) throws Exception {
    return get("/auth/session", cookie).body().replaceAll(".*\"csrf\":\"([^\"]+)\".*", "$1");
  }

  HttpResponse<String> send(String method, String path, String auth, String body, String cookie, String type, String csrf)
      throws Exception {
    return http.send(request(method, path, auth, body, cookie, type, csrf), HttpResponse.BodyHandlers.ofString());
  }

  HttpRequest request(String method, String path, String auth, String body, String cookie, String type, String csrf) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", type)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (auth != null) b.header("Authorization", auth);
    if (cookie != null) b.header("Cookie", cookie);
    if (csrf != null) b.header(WebAccess.CSRF_HEADER, csrf);
    return b.build();
  }

  HttpClient http() {
    return http;
  }

  static String credentials(String name, String password) {
    return "{\"name\": \"" + name + "\", \"password\": \"" + password + "\"}";
  }

  static Optional<String> sessionCookie(HttpResponse<String> r) {
    return r.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("wf_session=")).map(h -> h.split(";")[0]).findFirst();
  }
}
