package io.wayfinder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperationsTest {
  @TempDir Path dir;

  @Test
  void healthMetricsAndOpenApiDescribeTheRunningServer() throws Exception {
    try (TestServer t = new TestServer(dir)) {
      String key = t.writeKey("web", "web");
      assertThat(t.post("/v1/track", key, "{\"event\":\"A\",\"userId\":\"u\"}").statusCode()).isEqualTo(200);
      assertThat(t.post("/v1/track", key, "{\"userId\":\"u\"}").statusCode()).isEqualTo(400);
      assertThat(t.get("/health").body()).contains("\"status\":\"ok\"");
      String metrics = t.get("/metrics").body();
      assertThat(metrics).contains("wayfinder_ingest_events_total 1.0");
      assertThat(metrics).contains("wayfinder_ingest_rejects_total{status=\"400\"} 1.0");
      assertThat(metrics).contains("wayfinder_http_requests_seconds");
      JsonNode api = JsonSupport.MAPPER.readTree(t.api("GET", "/api/openapi.json", null).body());
      assertThat(api.get("openapi").asText()).startsWith("3.1");
      for (String p : new String[] {"/v1/track", "/v1/identify", "/v1/page", "/v1/screen", "/v1/group", "/v1/alias",
          "/v1/batch", "/v1/import", "/api/sources", "/api/stats", "/api/profiles/{id}", "/api/imports"}) {
        assertThat(api.get("paths").has(p)).as(p).isTrue();
      }
      assertThat(t.get("/api/openapi.json").statusCode()).isEqualTo(401);
    }
  }

  @Test
  void generatedAdminTokenIsStoredOwnerOnlyAndReused() throws Exception {
    Path data = dir.resolve("d");
    String first;
    try (WayfinderServer s = WayfinderServer.start(new ServerConfig("127.0.0.1", 0, data, null))) {
      assertThat(s.adminToken().generated()).isTrue();
      first = s.adminToken().value();
    }
    Path file = data.resolve("admin-token");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    try (WayfinderServer s = WayfinderServer.start(new ServerConfig("127.0.0.1", 0, data, null))) {
      assertThat(s.adminToken().generated()).isFalse();
      assertThat(s.adminToken().value()).isEqualTo(first);
    }
  }
}
