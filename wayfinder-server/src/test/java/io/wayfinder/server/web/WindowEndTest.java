package io.wayfinder.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.server.JsonSupport;
import io.wayfinder.server.TestServer;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Default report windows end at {@code dataEnd} of {@code /api/stats}, which only counts events that
 * are not beyond tomorrow, so an event stored in 2199 (before the collection API refused it) cannot
 * leave them empty, while {@code lastEvent} still tells the truth.
 */
class WindowEndTest {
  @TempDir Path dir;

  @Test
  void aFarFutureOutlierDoesNotMoveTheEndOfDefaultWindows() throws Exception {
    try (TestServer t = new TestServer(dir)) {
      String key = t.writeKey("web", "web");
      assertThat(t.post("/v1/track", key, "{\"event\":\"A\",\"userId\":\"u\",\"timestamp\":\"2024-05-01T10:00:00Z\"}").statusCode())
          .isEqualTo(200);
      // As an older server stored it: the same event 175 years later.
      try (var c = t.server.database().connect(); var st = c.createStatement()) {
        st.execute("INSERT INTO events SELECT * REPLACE (id + 1000 AS id, message_id || '-future' AS message_id, "
            + "ts + INTERVAL 175 YEAR AS ts) FROM events");
      }
      JsonNode stats = JsonSupport.MAPPER.readTree(t.api("GET", "/api/stats", null).body());
      Instant[] expected = new Instant[2];
      try (var c = t.server.database().connect(); var st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT max(ts), max(ts) FILTER (WHERE ts <= now() + INTERVAL 1 DAY) FROM events")) {
        rs.next();
        expected[0] = rs.getObject(1, OffsetDateTime.class).toInstant();
        expected[1] = rs.getObject(2, OffsetDateTime.class).toInstant();
      }
      assertThat(Instant.parse(stats.path("lastEvent").asText())).isEqualTo(expected[0]).isEqualTo("2199-05-01T10:00:00Z");
      assertThat(Instant.parse(stats.path("dataEnd").asText())).isEqualTo(expected[1]).isEqualTo("2024-05-01T10:00:00Z");
    }
  }
}
