package io.wayfinder.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.wayfinder.server.JsonSupport;
import io.wayfinder.server.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web pages' read routes take from/to as every API does: a `to` date includes its day. */
class WebPeriodTest {
  @TempDir Path dir;

  @Test
  void aToDateIncludesItsWholeDay() throws Exception {
    try (TestServer t = new TestServer(dir)) {
      String key = t.writeKey("shop", "web");
      for (String ts : new String[] {"2025-03-09T23:59:59Z", "2025-03-10T00:00:00Z", "2025-03-10T23:59:59Z", "2025-03-11T00:00:00Z"}) {
        t.post("/v1/track", key, "{\"userId\": \"u1\", \"event\": \"Visit\", \"timestamp\": \"" + ts + "\"}");
      }
      var range = JsonSupport.MAPPER.readTree(t.api("GET", "/api/web/overview?from=2025-03-10&to=2025-03-10", null).body())
          .path("range");
      assertThat(range.path("events").asInt()).as(range.toString()).isEqualTo(2);
      var bad = t.api("GET", "/api/web/overview?to=March", null);
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body()).contains("to: expected");
    }
  }
}
