package io.wayfinder.server.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.server.JsonSupport;
import io.wayfinder.server.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every kind of bad input is answered with problem+json, stores nothing, and the server keeps serving. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
  @TempDir static Path dir;
  TestServer t;
  String key;

  @BeforeAll
  void start() {
    t = new TestServer(dir);
    key = t.writeKey("web", "web");
  }

  @AfterAll
  void stop() {
    t.close();
  }

  static Stream<Arguments> badSingles() {
    String longKey = "k".repeat(10_000);
    return Stream.of(
        Arguments.of("malformed JSON", "/v1/track", "{\"event\": \"A\", \"userId\": ", 400, null),
        Arguments.of("not an object", "/v1/track", "[1,2]", 400, null),
        Arguments.of("userId of the wrong type", "/v1/track", "{\"event\":\"A\",\"userId\":{\"x\":1}}", 400, "userId"),
        Arguments.of("properties of the wrong type", "/v1/track", "{\"event\":\"A\",\"userId\":\"u\",\"properties\":\"x\"}", 400, "properties"),
        Arguments.of("event of the wrong type", "/v1/track", "{\"event\":42,\"userId\":\"u\"}", 400, "event"),
        Arguments.of("missing userId and anonymousId", "/v1/track", "{\"event\":\"A\"}", 400, "userId"),
        Arguments.of("missing event on track", "/v1/track", "{\"userId\":\"u\"}", 400, "event"),
        Arguments.of("invalid timestamp", "/v1/track", "{\"event\":\"A\",\"userId\":\"u\",\"timestamp\":\"yesterday\"}", 400, "timestamp"),
        Arguments.of("impossible date", "/v1/track", "{\"event\":\"A\",\"userId\":\"u\",\"timestamp\":\"2024-13-45T10:00:00Z\"}", 400, "timestamp"),
        Arguments.of("timestamp out of range", "/v1/track", "{\"event\":\"A\",\"userId\":\"u\",\"timestamp\":\"1800-01-01T00:00:00Z\"}", 400, "timestamp"),
        Arguments.of("skew correction past 2200", "/v1/track", "{\"event\":\"A\",\"userId\":\"u\","
            + "\"sentAt\":\"2024-01-01T00:00:00Z\",\"timestamp\":\"2199-12-31T00:00:00Z\"}", 400, "timestamp"),
        Arguments.of("skew correction before 1970 by the batch sentAt", "/v1/batch", "{\"sentAt\":\"2199-01-01T00:00:00Z\","
            + "\"batch\":[{\"type\":\"track\",\"event\":\"A\",\"userId\":\"u\",\"timestamp\":\"1970-01-02T00:00:00Z\"}]}", 400, "timestamp"),
        Arguments.of("unpaired surrogate in the event name", "/v1/track", "{\"event\":\"\\ud800\",\"userId\":\"u3\"}", 400, "event"),
        Arguments.of("unpaired surrogate deep in the properties", "/v1/track",
            "{\"event\":\"A\",\"userId\":\"u\",\"properties\":{\"a\":{\"b\":[\"\\udc00\"]}}}", 400, "properties.a.b[0]"),
        Arguments.of("10,000-character property name", "/v1/track",
            "{\"event\":\"A\",\"userId\":\"u\",\"properties\":{\"" + longKey + "\":1}}", 400, "properties"),
        Arguments.of("alias without previousId", "/v1/alias", "{\"userId\":\"u\"}", 400, "previousId"),
        Arguments.of("oversized message", "/v1/track",
            "{\"event\":\"A\",\"userId\":\"u\",\"properties\":{\"p\":\"" + "x".repeat(33 * 1024) + "\"}}", 413, null),
        Arguments.of("unknown type in a batch", "/v1/batch", "{\"batch\":[{\"type\":\"purchase\",\"userId\":\"u\"}]}", 400, "type"),
        Arguments.of("batch that is not an array", "/v1/batch", "{\"batch\":{}}", 400, "batch"),
        Arguments.of("timestamp in 2199 without sentAt", "/v1/track",
            "{\"event\":\"A\",\"userId\":\"u\",\"timestamp\":\"2199-12-31T00:00:00Z\"}", 400, "timestamp"),
        Arguments.of("timestamp two days past the server clock", "/v1/batch", "{\"batch\":[{\"type\":\"track\",\"event\":\"A\","
            + "\"userId\":\"u\",\"timestamp\":\"" + Instant.now().plus(Duration.ofDays(2)) + "\"}]}", 400, "timestamp"),
        Arguments.of("a key twice in a message", "/v1/track", "{\"event\":\"A\",\"event\":\"B\",\"userId\":\"u\"}", 400, null),
        Arguments.of("a key twice deep in the properties", "/v1/track",
            "{\"event\":\"A\",\"userId\":\"u\",\"properties\":{\"a\":{\"b\":1,\"b\":2}}}", 400, null),
        Arguments.of("two batch arrays", "/v1/batch", "{\"batch\":[{\"type\":\"track\",\"event\":\"A\",\"userId\":\"u\"}],"
            + "\"batch\":[{\"type\":\"track\",\"event\":\"B\",\"userId\":\"u\"}]}", 400, null),
        Arguments.of("a number beyond a double", "/v1/track",
            "{\"event\":\"A\",\"userId\":\"u\",\"properties\":{\"x\":{\"y\":1e400}}}", 400, "properties.x.y"),
        Arguments.of("a negative number beyond a double", "/v1/track",
            "{\"event\":\"A\",\"userId\":\"u\",\"traits\":{\"x\":-1e400}}", 400, "traits.x"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSingles")
  void badInputIsAnsweredWithProblemJsonAndNothingIsStored(String what, String path, String body, int status, String field) throws Exception {
    long before = t.server.stats().events();
    HttpResponse<String> r = t.post(path, key, body);
    assertThat(r.statusCode()).as(what).isEqualTo(status);
    assertProblem(r, status);
    if (field != null) {
      assertThat(JsonSupport.MAPPER.readTree(r.body()).get("errors").get(0).get("field").asText()).startsWith(field);
    }
    assertThat(t.server.stats().events()).isEqualTo(before);
    assertThat(t.get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void nonUtf8BytesAreRejected() throws Exception {
    byte[] head = "{\"event\":\"A\",\"userId\":\"u\",\"properties\":{\"name\":\"".getBytes(StandardCharsets.UTF_8);
    byte[] tail = "\"}}".getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + 2 + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    body[head.length] = (byte) 0xC3;
    body[head.length + 1] = (byte) 0x28; // an invalid UTF-8 sequence
    System.arraycopy(tail, 0, body, head.length + 2, tail.length);
    long before = t.server.stats().events();
    HttpResponse<String> r = t.post("/v1/track", key, body);
    assertThat(r.statusCode()).isEqualTo(400);
    assertProblem(r, 400);
    assertThat(r.body()).containsIgnoringCase("UTF-8");
    assertThat(t.server.stats().events()).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"UTF-16LE with a byte-order mark, true", "UTF-16BE without one, false", "UTF-32LE, false"})
  void utf16And32BodiesAreRejected(String encoding, boolean bom) throws Exception {
    String charset = encoding.split(" ")[0];
    byte[] text = "{\"event\":\"A\",\"userId\":\"u\"}".getBytes(java.nio.charset.Charset.forName(charset));
    byte[] body = text;
    if (bom) {
      body = new byte[text.length + 2];
      body[0] = (byte) 0xFF;
      body[1] = (byte) 0xFE;
      System.arraycopy(text, 0, body, 2, text.length);
    }
    long before = t.server.stats().events();
    HttpResponse<String> r = t.post("/v1/track", key, body);
    assertThat(r.statusCode()).as(encoding).isEqualTo(400);
    assertThat(assertProblem(r, 400).get("detail").asText()).contains("UTF-8");
    assertThat(t.server.stats().events()).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "none", value = {
      "application/json | 200", "application/json; charset=UTF-8 | 200", "Application/JSON;charset=\"utf-8\" | 200",
      "text/plain;charset=UTF-8 | 200", "none | 415", "text/xml | 415", "application/x-www-form-urlencoded | 415",
      "application/json; charset=utf-16 | 415", "multipart/form-data; boundary=x | 415"})
  void onlyJsonInUtf8IsAccepted(String contentType, int status) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.base + "/v1/track"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"Typed\",\"userId\":\"u\"}"));
    if (contentType != null) b.header("Content-Type", contentType);
    long before = t.server.stats().events();
    HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    if (status == 415) {
      assertThat(assertProblem(r, 415).get("detail").asText()).startsWith("Content-Type:");
      assertThat(t.server.stats().events()).isEqualTo(before);
    } else {
      assertThat(t.server.stats().events()).isEqualTo(before + 1);
    }
  }

  @Test
  void aTimestampWithinTheToleranceIsStoredAsSent() throws Exception {
    Instant soon = Instant.now().plus(Duration.ofHours(12)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    HttpResponse<String> r = t.post("/v1/track", key, "{\"event\":\"Soon\",\"userId\":\"u\",\"timestamp\":\"" + soon + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    try (var c = t.server.database().connect(); var st = c.createStatement();
        var rs = st.executeQuery("SELECT ts FROM events WHERE name = 'Soon'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).isEqualTo(soon);
    }
  }

  @Test
  void aPayloadLevelErrorNamesItsFieldInTheDetail() throws Exception {
    JsonNode p = assertProblem(t.post("/v1/batch", key, "{\"batch\":[],\"sentAt\":\"bogus\"}"), 400);
    assertThat(p.get("detail").asText()).isEqualTo("sentAt: 'bogus' is not an ISO-8601 timestamp");
    assertThat(p.get("errors").get(0).get("index").asInt()).isEqualTo(-1);
  }

  @Test
  void unknownWriteKeyIs401InHeaderOrBody() throws Exception {
    HttpResponse<String> r = t.post("/v1/track", "wk_nope", "{\"event\":\"A\",\"userId\":\"u\"}");
    assertThat(r.statusCode()).isEqualTo(401);
    assertProblem(r, 401);
    r = t.post("/v1/batch", null, "{\"writeKey\":\"wk_nope\",\"batch\":[{\"type\":\"track\",\"event\":\"A\",\"userId\":\"u\"}]}");
    assertThat(r.statusCode()).isEqualTo(401);
    r = t.post("/v1/track", null, "{\"event\":\"A\",\"userId\":\"u\"}");
    assertThat(r.statusCode()).isEqualTo(401);
  }

  @Test
  void oversizedBatchIs413() throws Exception {
    StringBuilder b = new StringBuilder("{\"batch\":[");
    for (int i = 0; i < 2000; i++) {
      if (i > 0) b.append(',');
      b.append("{\"type\":\"track\",\"event\":\"Page Scrolled\",\"userId\":\"u").append(i)
          .append("\",\"properties\":{\"depth\":\"").append("y".repeat(200)).append("\"}}");
    }
    b.append("]}");
    long before = t.server.stats().events();
    HttpResponse<String> r = t.post("/v1/batch", key, b.toString());
    assertThat(r.statusCode()).isEqualTo(413);
    assertProblem(r, 413);
    assertThat(t.server.stats().events()).isEqualTo(before);
  }

  @Test
  void batchWithOneBadMessageIsRejectedWholeNamingItsIndex() throws Exception {
    String body = "{\"batch\":[{\"type\":\"track\",\"event\":\"A\",\"userId\":\"u1\"},"
        + "{\"type\":\"track\",\"event\":\"B\",\"userId\":\"u2\"},"
        + "{\"type\":\"track\",\"userId\":\"u3\"},"
        + "{\"type\":\"page\",\"anonymousId\":\"a4\"}]}";
    long before = t.server.stats().events();
    HttpResponse<String> r = t.post("/v1/batch", key, body);
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode p = assertProblem(r, 400);
    assertThat(p.get("errors").get(0).get("index").asInt()).isEqualTo(2);
    assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo("event");
    assertThat(p.get("detail").asText()).contains("message 2");
    assertThat(t.server.stats().events()).isEqualTo(before);
    assertThat(t.post("/v1/batch", key, body.replace("{\"type\":\"track\",\"userId\":\"u3\"}",
        "{\"type\":\"track\",\"event\":\"C\",\"userId\":\"u3\"}")).statusCode()).isEqualTo(200);
    assertThat(t.server.stats().events()).isEqualTo(before + 4);
  }

  @Test
  void managementApiRefusesAnonymousRequestsAndWriteKeys() {
    assertThat(t.get("/api/stats").statusCode()).isEqualTo(401);
    HttpResponse<String> r = t.post("/api/sources", key, "{\"name\":\"x\",\"channel\":\"web\"}");
    assertThat(r.statusCode()).isEqualTo(401);
    assertProblem(r, 401);
    assertThat(t.api("GET", "/api/stats", null).statusCode()).isEqualTo(200);
    assertThat(t.api("GET", "/api/profiles/nobody", null).statusCode()).isEqualTo(404);
    assertThat(t.api("POST", "/api/sources", "{\"name\":\"\"}").statusCode()).isEqualTo(400);
    assertThat(t.api("POST", "/api/sources", "not json").statusCode()).isEqualTo(400);
  }

  /** The status line, headers and body of the answer to {@code request}, as raw text. */
  private String exchange(String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", t.server.port())) {
      s.setSoTimeout(5000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      for (int n; (n = in.read(buf)) > 0; ) out.write(buf, 0, n);
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  /** Requests Jetty refuses before any route runs; sent raw, as an HTTP client would tidy them up first. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a NUL escaped in the path   | GET /api/profiles/u%003 HTTP/1.1          | 400 | Illegal character in path",
      "dot segments above the root | GET /ui/../../etc/passwd HTTP/1.1         | 400 | Bad URI",
      "encoded dot segments        | GET /ui/%2e%2e/%2e%2e/etc/passwd HTTP/1.1 | 400 | Bad URI",
      "a space in the path         | GET /he alth HTTP/1.1                     | 400 | Illegal character SPACE"})
  void aRequestJettyCannotParseIsAProblemDocumentSayingWhy(String what, String requestLine, int status, String why) throws Exception {
    JsonNode p = assertRawProblem(exchange(requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"), status);
    assertThat(p.path("detail").asText()).contains(why);
    assertThat(t.get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void headersTooLargeAndABadContentLengthAreProblemDocuments() throws Exception {
    String big = "X-Big: " + "a".repeat(20_000) + "\r\n";
    assertRawProblem(exchange("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n" + big + "Connection: close\r\n\r\n"), 431);
    JsonNode p = assertRawProblem(exchange("POST /v1/track HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n\r\n"), 400);
    assertThat(p.path("detail").asText()).contains("Content-Length");
    assertThat(exchange("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200");
  }

  private static JsonNode assertProblem(HttpResponse<String> r, int status) {
    assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
    try {
      JsonNode p = JsonSupport.MAPPER.readTree(r.body());
      assertThat(p.get("status").asInt()).isEqualTo(status);
      assertThat(p.get("title").asText()).isNotBlank();
      assertThat(p.get("detail").asText()).isNotBlank();
      return p;
    } catch (java.io.IOException e) {
      throw new AssertionError(r.body(), e);
    }
  }

  private static JsonNode assertRawProblem(String answer, int status) throws IOException {
    int split = answer.indexOf("\r\n\r\n");
    String head = answer.substring(0, split).toLowerCase(Locale.ROOT);
    assertThat(head).startsWith("http/1.1 " + status).contains("content-type: application/problem+json");
    JsonNode p = JsonSupport.MAPPER.readTree(answer.substring(split + 4));
    assertThat(p.path("status").asInt()).isEqualTo(status);
    assertThat(p.path("title").asText()).isNotBlank();
    assertThat(p.path("detail").asText()).startsWith("the HTTP server refused the request");
    return p;
  }
}
