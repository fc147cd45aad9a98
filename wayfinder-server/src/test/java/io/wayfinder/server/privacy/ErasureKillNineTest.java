package io.wayfinder.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wayfinder.server.TestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILL during an erasure: nothing is half-deleted, and the next start finishes the regulation. */
class ErasureKillNineTest {
  @TempDir Path dir;

  @Test
  void aRegulationInterruptedByKillMinusNineResumesAndCompletesAfterRestart() throws Exception {
    Path data = dir.resolve("data");
    try (TestServer t = new TestServer(data)) {
      String key = t.writeKey("web", "web");
      for (String who : new String[] {"erase-me", "keep-me"}) {
        for (int i = 0; i < 20; i++) {
          assertThat(t.post("/v1/track", key, "{\"userId\":\"" + who + "\",\"event\":\"Step " + i + "\",\"traits\":{}}").statusCode())
              .isEqualTo(200);
        }
      }
    }
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), ErasureProcess.class.getName(), data.toString(), "erase-me")
        .redirectError(dir.resolve("erasure.log").toFile()).start();
    String regulation;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertThat(line).as("child output (see erasure.log)").startsWith("recorded ");
      p.destroyForcibly(); // SIGKILL as the erasure starts
      regulation = line.substring("recorded ".length());
    }
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

    try (TestServer t = new TestServer(data)) {
      var reg = new ObjectMapper().readTree(t.api("GET", "/api/regulations/" + regulation, null).body());
      assertThat(reg.path("status").asText()).isEqualTo("FINISHED");
      assertThat(reg.path("profilesErased").asInt()).isEqualTo(1);
      assertThat(reg.path("eventsErased").asLong()).isEqualTo(20);
      assertThat(Sql.one(t, "SELECT count(*) FROM events WHERE user_id = 'erase-me'")).isZero();
      assertThat(Sql.one(t, "SELECT count(*) FROM identities WHERE value = 'erase-me'")).isZero();
      assertThat(Sql.one(t, "SELECT count(*) FROM regulation_profiles")).isZero();
      assertThat(Sql.one(t, "SELECT count(*) FROM events WHERE user_id = 'keep-me'")).isEqualTo(20);
      // and it stays suppressed
      String key = t.writeKey("web", "web");
      assertThat(t.post("/v1/track", key, "{\"userId\":\"erase-me\",\"event\":\"Back\"}").statusCode()).isEqualTo(200);
      assertThat(Sql.one(t, "SELECT count(*) FROM events WHERE user_id = 'erase-me'")).isZero();
    }
  }
}
