package io.wayfinder.server.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Waits for an event with a timeout, the goal, frequency caps, quiet hours and consent, through the real server. */
class FlowWaitsAndRulesTest {

  @Test
  void waitForEventTakesEachBranchAndTheGoalEndsTheInstance(@TempDir Path dir) throws Exception {
    try (FlowFixture f = new FlowFixture(dir)) {
      f.publish("""
          {"id": "cart", "version": 1, "nodes": [
            {"id": "t-cart", "type": "trigger.event", "event": "Cart Abandoned", "next": "w-order"},
            {"id": "w-order", "type": "wait.event", "event": "Order Completed", "timeout": "PT3S", "next": "a-thanks", "timeoutNext": "a-remind"},
            {"id": "a-thanks", "type": "action.inApp", "body": "thanks for order {{event.order}}", "next": "x"},
            {"id": "a-remind", "type": "action.inApp", "body": "your cart is waiting", "next": "x"},
            {"id": "x", "type": "exit"}],
           "goal": {"event": "Review Posted"}}""");
      for (String c : List.of("buyer", "idler", "reviewer")) f.track(c, "Cart Abandoned", "{}");
      Eventually.until("three waiting", 10_000, () -> FlowDeliveryEndToEndTest.count(f,
          "SELECT count(*) FROM flow_waits") == 3);
      f.track("buyer", "Order Completed", "{\"order\": \"o-7\"}");
      f.track("reviewer", "Review Posted", "{}");

      Eventually.until("buyer's thanks", 10_000, () -> size(f, "buyer") == 1);
      Eventually.until("idler's reminder after the timeout", 15_000, () -> size(f, "idler") == 1);
      assertThat(f.messages("buyer").get(0).get("body").asText()).isEqualTo("thanks for order o-7");
      assertThat(f.messages("idler").get(0).get("body").asText()).isEqualTo("your cart is waiting");
      Thread.sleep(3_500); // past the reviewer's timeout: the goal ended it, so no reminder comes
      assertThat(f.messages("reviewer")).isEmpty();
      JsonNode reviewer = f.get("/api/profiles/reviewer/flows").get("instances").get(0);
      assertThat(reviewer.get("status").asText()).isEqualTo("converted");
      assertThat(outcomes(f, "buyer")).contains("entered", "waiting", "resumed", "queued", "delivered", "exited");
      assertThat(outcomes(f, "idler")).contains("waiting", "timeout", "queued");

      JsonNode nodes = f.get("/api/flows/cart").get("nodes");
      assertThat(nodes.get("a-thanks").get("passed").asLong()).isEqualTo(1);
      assertThat(nodes.get("a-remind").get("passed").asLong()).isEqualTo(1);
      assertThat(nodes.get("w-order").get("converted").asLong()).isEqualTo(1)
          .isEqualTo(f.sql("SELECT count(*) FROM flow_instances WHERE status = 'converted'"));
      assertThat(f.get("/api/flows/cart").get("instances").get("converted").asLong()).isEqualTo(1);
    }
  }

  @Test
  void frequencyCapsQuietHoursAndWithdrawnConsentHold(@TempDir Path dir) throws Exception {
    try (FlowFixture f = new FlowFixture(dir)) {
      f.publish("""
          {"id": "ping", "version": 1, "nodes": [
            {"id": "t", "type": "trigger.event", "event": "Ping", "next": "a"},
            {"id": "a", "type": "action.inApp", "body": "pong", "next": "x"},
            {"id": "x", "type": "exit"}],
           "reentry": {"policy": "always"},
           "frequencyCaps": [{"channel": "inApp", "max": 2, "per": "P1D"}]}""");
      // quiet from an hour ago to an hour ahead, on the customer's clock (UTC here)
      LocalTime now = LocalTime.now(ZoneOffset.UTC);
      DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm");
      f.publish("""
          {"id": "night", "version": 1, "nodes": [
            {"id": "t", "type": "trigger.event", "event": "Late", "next": "a"},
            {"id": "a", "type": "action.inApp", "body": "good night", "next": "x"},
            {"id": "x", "type": "exit"}],
           "quietHours": {"from": "%s", "to": "%s"}}""".formatted(now.minusHours(1).format(hm), now.plusHours(1).format(hm)));
      f.identify("optout", "{\"consent\": {\"marketing\": false}}");
      for (int i = 0; i < 3; i++) f.track("pinger", "Ping", "{}");
      f.track("optout", "Ping", "{}");
      f.track("owl", "Late", "{}");

      Eventually.until("the three pings handled", 10_000, () -> FlowDeliveryEndToEndTest.count(f,
          "SELECT count(*) FROM flow_instances WHERE customer_id = 'pinger' AND ended_at IS NOT NULL") == 3);
      Eventually.until("the owl held", 10_000, () -> FlowDeliveryEndToEndTest.count(f,
          "SELECT count(*) FROM flow_waits") == 1);
      Eventually.until("two pongs", 10_000, () -> size(f, "pinger") == 2);
      Thread.sleep(500);
      assertThat(f.messages("pinger")).hasSize(2);
      assertThat(f.messages("optout")).isEmpty();
      assertThat(f.messages("owl")).isEmpty();
      assertThat(reasons(f, "pinger")).containsExactly("frequency cap");
      assertThat(reasons(f, "optout")).containsExactly("marketing consent withdrawn");
      assertThat(reasons(f, "owl")).containsExactly("quiet hours");
      assertThat(f.get("/api/flows/night").get("nodes").get("a").get("waiting").asLong()).isEqualTo(1);
    }
  }

  static int size(FlowFixture f, String user) {
    try {
      return f.messages(user).size();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> outcomes(FlowFixture f, String user) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode in : f.get("/api/profiles/" + user + "/flows").get("instances")) {
      in.get("steps").forEach(s -> out.add(s.get("outcome").asText()));
    }
    return out;
  }

  static List<String> reasons(FlowFixture f, String user) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode in : f.get("/api/profiles/" + user + "/flows").get("instances")) {
      in.get("steps").forEach(s -> {
        if (s.path("detail").has("reason")) out.add(s.get("detail").get("reason").asText());
      });
    }
    return out;
  }
}
