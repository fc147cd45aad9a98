package io.wayfinder.server.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.wayfinder.server.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that misbehave at the HTTP level: those that announce a large body and trickle it
 * (slowloris) hold no worker thread, so the server keeps answering {@code /health} and
 * authenticated collection while hundreds of them are connected, and a body slower than the
 * minimum rate is cut off with a 408; a body larger than its route allows is refused from its
 * {@code Content-Length} before it is read, or at the limit when it comes chunked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestGuardTest {
  /** More than the 250 worker threads, so holding one thread per connection would starve the server. */
  static final int SLOW_CONNECTIONS = 300;
  /**
   * How long an answer may take on a machine shared with other builds. Well under Jetty's 30 s idle
   * timeout, after which even the old server would have freed the threads the slow clients held.
   */
  static final Duration PATIENCE = Duration.ofSeconds(15);

  @TempDir static Path dir;
  TestServer t;
  String key;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @BeforeAll
  void start() {
    t = new TestServer(dir);
    key = t.writeKey("web", "web");
  }

  @AfterAll
  void stop() {
    t.close();
  }

  @Test
  void healthAndCollectionAnswerWhileHundredsOfBodiesTrickle() throws Exception {
    List<RawHttp> slow = new ArrayList<>();
    try {
      for (int i = 0; i < SLOW_CONNECTIONS; i++) {
        String path = i % 2 == 0 ? "/auth/sign-in" : "/v1/batch";
        long length = i % 2 == 0 ? 10_000 : 400_000;
        RawHttp c = new RawHttp(t.server.port()).startPost(path,
            "Content-Type: application/json\r\nContent-Length: " + length + "\r\n");
        c.send("{\"name\":\"a");
        slow.add(c);
      }
      Thread.sleep(500); // let every connection reach the server and be dispatched (before the fix: to a thread)
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(t.base + "/health"))
          .timeout(PATIENCE).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      HttpResponse<String> track = http.send(HttpRequest.newBuilder(URI.create(t.base + "/v1/track"))
          .timeout(PATIENCE).header("Content-Type", "application/json")
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes()))
          .POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"Slow Test\",\"userId\":\"u1\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(track.statusCode()).isEqualTo(200);
      try (var c = t.server.database().connect(); var st = c.createStatement();
          var rs = st.executeQuery("SELECT count(*) FROM events WHERE name = 'Slow Test'")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(1);
      }
    } finally {
      for (RawHttp c : slow) c.close();
    }
  }

  @Test
  void aBodySlowerThanTheMinimumRateIsCutOffWith408() throws Exception {
    try (RawHttp c = new RawHttp(t.server.port()).startPost("/auth/sign-in",
        "Content-Type: application/json\r\nContent-Length: 10000\r\n")) {
      long deadline = System.nanoTime() + RequestGuard.RATE_GRACE.plus(PATIENCE).toNanos();
      String answer = "";
      // 10 bytes a second, far under the minimum, until the server answers.
      while (answer.isEmpty() && System.nanoTime() < deadline) {
        try {
          c.send("{\"name\":\"a");
          answer = c.response(1_000);
        } catch (java.net.SocketTimeoutException notYet) {
          // nothing yet: send more
        } catch (java.io.IOException closed) {
          answer = c.response(1_000);
        }
      }
      assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json").contains("bytes/s");
    }
  }

  @Test
  void anAnonymousBodyAnnouncedAt64MbIsRefusedBeforeItIsSent() throws Exception {
    for (String path : List.of("/v1/batch", "/v1/track", "/auth/sign-in", "/s/some-token")) {
      try (RawHttp c = new RawHttp(t.server.port()).startPost(path,
          "Content-Type: application/json\r\nContent-Length: " + 64L * 1024 * 1024 + "\r\n")) {
        c.send("{\"batch\":[");
        // Before the fix the server waited for all 64 MB to arrive (and then buffered them).
        String answer = c.response((int) PATIENCE.toMillis());
        assertThat(answer).as(path).startsWith("HTTP/1.1 413").contains("application/problem+json")
            .contains(" bytes for " + path);
      }
    }
  }

  @Test
  void aChunkedBodyIsCutOffAtItsRoutesLimit() throws Exception {
    long before = t.server.stats().events();
    try (RawHttp c = new RawHttp(t.server.port()).startPost("/v1/batch",
        "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nAuthorization: Basic "
            + Base64.getEncoder().encodeToString((key + ":").getBytes()) + "\r\n")) {
      String chunk = "x".repeat(64 * 1024);
      String answer = "";
      // Up to 2 MB, four times the batch limit; the server answers once it has read past the limit.
      for (int i = 0; i < 32 && answer.isEmpty(); i++) {
        try {
          c.send(Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");
        } catch (java.io.IOException closed) {
          break;
        }
        try {
          answer = c.response(50);
        } catch (java.net.SocketTimeoutException notYet) {
          // still reading
        }
      }
      if (answer.isEmpty()) answer = c.response((int) PATIENCE.toMillis());
      assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("the limit is 512000 bytes for /v1/batch");
    }
    assertThat(t.server.stats().events()).isEqualTo(before);
  }
}
