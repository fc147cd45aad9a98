package io.wayfinder.server.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wayfinder.server.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

/** A real server with one write key, and the calls flow tests make through its HTTP API. */
final class FlowFixture implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  final TestServer s;
  final String key;
  /** The source's signing secret: the site's backend signs customer tokens with it for GET /v1/messages. */
  final String secret;

  FlowFixture(Path dir) throws Exception {
    s = new TestServer(dir);
    key = s.writeKey("web", "web");
    secret = JSON.readTree(s.api("POST", "/api/sources/web/signing-secret", null).body()).path("signingSecret").asText();
  }

  /** The in-app messages query for {@code user}, with a customer token as the site's backend would sign it. */
  static String messagesPath(String key, String secret, String user) {
    String token = io.wayfinder.core.widget.CustomerToken.sign(secret, user, java.time.Instant.now().plusSeconds(600));
    return "/v1/messages?writeKey=" + key + "&userId=" + user + "&customerToken=" + token;
  }

  void track(String user, String event, String properties) {
    HttpResponse<String> r = s.post("/v1/track", key,
        "{\"userId\": \"" + user + "\", \"event\": \"" + event + "\", \"properties\": " + properties + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  void identify(String user, String traits) {
    HttpResponse<String> r = s.post("/v1/identify", key, "{\"userId\": \"" + user + "\", \"traits\": " + traits + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  /** Loads a flow (names unchecked) and publishes it. */
  void publish(String flowJson) throws Exception {
    HttpResponse<String> r = s.api("POST", "/api/flows?checkNames=false", flowJson);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String id = JSON.readTree(r.body()).get("id").asText();
    HttpResponse<String> p = s.api("POST", "/api/flows/" + id + "/publish", null);
    assertThat(p.statusCode()).as(p.body()).isEqualTo(200);
  }

  JsonNode get(String path) throws Exception {
    HttpResponse<String> r = s.api("GET", path, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  JsonNode messages(String user) throws Exception {
    HttpResponse<String> r = s.get(messagesPath(key, secret, user));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).get("messages");
  }

  /** One number straight from the database, to check what the API shows. */
  long sql(String query) throws Exception {
    try (Connection c = s.server.database().connect(); var st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public void close() {
    s.close();
  }
}
