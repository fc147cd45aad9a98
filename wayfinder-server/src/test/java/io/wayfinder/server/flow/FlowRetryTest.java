package io.wayfinder.server.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A receiver that answers 500 or hangs gets retries with growing backoff; after the last attempt
 * the action is a dead letter in the API; a replay delivers it with the same idempotency key.
 */
class FlowRetryTest {
  static final long FIRST_BACKOFF_MS = 300;

  @BeforeAll
  static void fastRetries() {
    System.setProperty("wayfinder.flows.maxAttempts", "4");
    System.setProperty("wayfinder.flows.firstBackoff", "PT0.3S");
    System.setProperty("wayfinder.flows.webhookTimeout", "PT1S");
  }

  @AfterAll
  static void defaults() {
    System.clearProperty("wayfinder.flows.maxAttempts");
    System.clearProperty("wayfinder.flows.firstBackoff");
    System.clearProperty("wayfinder.flows.webhookTimeout");
  }

  @Test
  void aFailingReceiverGetsRetriesWithBackoffThenADeadLetterThatReplayDelivers(@TempDir Path dir) throws Exception {
    try (Receiver rx = new Receiver(); FlowFixture f = new FlowFixture(dir)) {
      rx.status = 500;
      publishHook(f, rx);
      f.track("ada", "Signed Up", "{}");
      Eventually.until("the dead letter", 20_000, () -> dead(f).size() == 1);
      assertThat(rx.hits).hasSize(4);
      assertThat(rx.hits.stream().map(Receiver.Hit::idempotencyKey).distinct()).hasSize(1);
      // exponential backoff with ±50 % jitter: the n-th wait is at least half of 300 ms × 2^(n-1)
      for (int n = 1; n < 4; n++) {
        long gap = rx.hits.get(n).atMillis() - rx.hits.get(n - 1).atMillis();
        assertThat(gap).as("wait before attempt %d", n + 1).isGreaterThanOrEqualTo((long) (FIRST_BACKOFF_MS * Math.pow(2, n - 1) / 2));
      }
      JsonNode letter = dead(f).get(0);
      assertThat(letter.get("attempts").asInt()).isEqualTo(4);
      assertThat(letter.get("lastError").asText()).contains("500");
      assertThat(f.get("/api/flows/signup").get("nodes").get("hook").get("failed").asLong()).isEqualTo(1)
          .isEqualTo(f.sql("SELECT count(*) FROM flow_outbox WHERE status = 'dead'"));

      rx.status = 204;
      String key = letter.get("idempotencyKey").asText();
      assertThat(f.s.api("POST", "/api/flows/dead-letters/" + key + "/replay", null).statusCode()).isEqualTo(202);
      Eventually.until("the replayed delivery", 10_000, () -> rx.hits.size() == 5);
      assertThat(rx.hits.get(4).idempotencyKey()).isEqualTo(key);
      Eventually.until("marked delivered", 5_000, () -> FlowDeliveryEndToEndTest.count(f,
          "SELECT count(*) FROM flow_outbox WHERE status = 'delivered'") == 1);
      assertThat(dead(f)).isEmpty();
      assertThat(f.s.api("POST", "/api/flows/dead-letters/" + key + "/replay", null).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void aHangingReceiverTimesOutAndIsRetried(@TempDir Path dir) throws Exception {
    try (Receiver rx = new Receiver(); FlowFixture f = new FlowFixture(dir)) {
      rx.hangMillis = 3_000; // beyond the 1 s attempt timeout
      publishHook(f, rx);
      f.track("bob", "Signed Up", "{}");
      Eventually.until("two attempts", 15_000, () -> rx.hits.size() >= 2);
      rx.hangMillis = 0;
      Eventually.until("delivered", 15_000, () -> FlowDeliveryEndToEndTest.count(f,
          "SELECT count(*) FROM flow_outbox WHERE status = 'delivered'") == 1);
      List<String> outcomes = FlowWaitsAndRulesTest.outcomes(f, "bob");
      assertThat(outcomes).contains("retry", "delivered");
      JsonNode steps = f.get("/api/profiles/bob/flows").get("instances").get(0).get("steps");
      assertThat(steps.findValuesAsText("error").get(0)).containsIgnoringCase("timed out");
    }
  }

  private static void publishHook(FlowFixture f, Receiver rx) throws Exception {
    f.publish("""
        {"id": "signup", "version": 1, "nodes": [
          {"id": "t", "type": "trigger.event", "event": "Signed Up", "next": "hook"},
          {"id": "hook", "type": "action.webhook", "url": "%s", "body": {"who": "{{customer.id}}"}, "next": "x"},
          {"id": "x", "type": "exit"}]}""".formatted(rx.url()));
  }

  private static JsonNode dead(FlowFixture f) {
    try {
      return f.get("/api/flows/dead-letters").get("deadLetters");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
