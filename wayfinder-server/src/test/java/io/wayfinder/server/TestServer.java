package io.wayfinder.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

/** A real server on a loopback port over a temporary data directory, with a small HTTP client. */
public final class TestServer implements AutoCloseable {
  public final WayfinderServer server;
  public final String base;
  private final HttpClient http = HttpClient.newHttpClient();

  public TestServer(Path dataDir) {
    server = WayfinderServer.start(new ServerConfig("127.0.0.1", 0, dataDir, "test-admin-token"));
    base = "http://127.0.0.1:" + server.port();
  }

  public String writeKey(String name, String channel) {
    return server.sources().getOrCreate(name, channel).writeKey();
  }

  public HttpResponse<String> post(String path, String basicKey, byte[] body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (basicKey != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((basicKey + ":").getBytes(StandardCharsets.UTF_8)));
    }
    return send(b.build());
  }

  public HttpResponse<String> post(String path, String basicKey, String body) {
    return post(path, basicKey, body.getBytes(StandardCharsets.UTF_8));
  }

  public HttpResponse<String> api(String method, String path, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer test-admin-token");
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return send(b.build());
  }

  /** A POST without credentials, e.g. a browser form or the widget answering a survey. */
  public HttpResponse<String> postAs(String contentType, String path, String body) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
  }

  /** Sends any request, e.g. one with a body of raw bytes or a time limit. */
  public HttpResponse<String> send(HttpRequest r) {
    try {
      return http.send(r, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
