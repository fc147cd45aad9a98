package io.wayfinder.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wayfinder.server.TestServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Consent by purpose, end to end: collected on /v1 or set by the API, obeyed by survey invitations, refusals counted. */
class ConsentTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void aCustomerWhoWithdrawsSurveyOrMarketingConsentGetsNoSurveyInvitationFromThen() throws Exception {
    try (TestServer t = new TestServer(dir)) {
      String key = t.writeKey("shop", "web");
      assertThat(t.api("POST", "/api/surveys", """
          {"id": "delivery", "name": "Delivery", "level": "touchpoint", "journey": "online_order",
           "questions": [{"id": "nps", "type": "nps", "text": "Recommend us?", "required": true}],
           "trigger": {"event": "Order Delivered", "delay": "PT0S", "samplePercent": 100, "quietPeriod": "PT0S"}}""").statusCode())
          .isEqualTo(201);
      // cust-a is invited once while consent stands
      delivered(t, key, "cust-a");
      awaitInvitations(t, "cust-a", 1);
      // then withdraws survey consent through the collection API (Segment's format) ...
      assertThat(t.post("/v1/identify", key, "{\"userId\":\"cust-a\",\"context\":{\"consent\":{\"categoryPreferences\":"
          + "{\"surveys\":false,\"analytics\":true}}}}").statusCode()).isEqualTo(200);
      // ... and cust-b withdraws marketing consent through the management API
      delivered(t, key, "cust-b");
      awaitInvitations(t, "cust-b", 1);
      var put = t.api("PUT", "/api/consent/cust-b", "{\"categoryPreferences\":{\"marketing\":false}}");
      assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
      assertThat(JSON.readTree(put.body()).path("current").path("marketing").asBoolean(true)).isFalse();

      delivered(t, key, "cust-a");
      delivered(t, key, "cust-b");
      delivered(t, key, "cust-c"); // the control, whose invitation shows the pass read past the others' events
      awaitInvitations(t, "cust-c", 1);
      assertThat(invitations(t, "cust-a")).isEqualTo(1);
      assertThat(invitations(t, "cust-b")).isEqualTo(1);

      JsonNode a = JSON.readTree(t.api("GET", "/api/consent/cust-a", null).body());
      assertThat(a.path("current").path("surveys").asBoolean(true)).isFalse();
      assertThat(a.path("history").size()).isEqualTo(2);
      assertThat(a.path("refusals").asLong()).isEqualTo(1);
      assertThat(a.path("refusalsByPurpose").path("surveys").asLong()).isEqualTo(1);
      assertThat(JSON.readTree(t.api("GET", "/api/consent/cust-b", null).body()).path("refusalsByPurpose").path("marketing").asLong())
          .isEqualTo(1);
      assertThat(Sql.one(t, "SELECT count(*) FROM consent_refusals WHERE action = 'survey invitation'")).isEqualTo(2);
      assertThat(JSON.readTree(t.api("GET", "/api/consent/cust-c", null).body()).path("refusals").asLong()).isZero();
    }
  }

  @Test
  void badConsentInputIsA4xxNamingTheField() throws Exception {
    try (TestServer t = new TestServer(dir)) {
      var r = t.api("PUT", "/api/consent/nobody", "{\"categoryPreferences\":{\"marketing\":\"no\"}}");
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.body()).contains("categoryPreferences.marketing");
      assertThat(t.api("PUT", "/api/consent/nobody", "{\"categoryPreferences\":{\"marketing\":false}}").statusCode()).isEqualTo(404);
      assertThat(t.api("GET", "/api/consent/nobody", null).statusCode()).isEqualTo(404);
      JsonNode paths = JSON.readTree(t.api("GET", "/api/openapi.json", null).body()).path("paths");
      for (String p : new String[] {"/api/regulations", "/api/regulations/{id}", "/api/subjects/{id}/export", "/api/consent/{userId}",
          "/api/retention", "/api/retention/run"}) {
        assertThat(paths.has(p)).as("OpenAPI documents " + p).isTrue();
      }
    }
  }

  private static void delivered(TestServer t, String key, String who) {
    assertThat(t.post("/v1/track", key, "{\"userId\":\"" + who + "\",\"event\":\"Order Delivered\",\"timestamp\":\"" + Instant.now()
        + "\",\"properties\":{\"journey\":\"online_order\"}}").statusCode()).isEqualTo(200);
  }

  private static int invitations(TestServer t, String who) throws Exception {
    JsonNode inv = JSON.readTree(t.api("GET", "/api/surveys/delivery/invitations", null).body()).path("invitations");
    List<String> users = new ArrayList<>();
    inv.forEach(i -> users.add(i.path("userId").asText()));
    return (int) users.stream().filter(who::equals).count();
  }

  /** Waits (up to 20 s; the trigger pass runs every 250 ms) for a customer's n-th invitation. */
  private static void awaitInvitations(TestServer t, String who, int n) throws Exception {
    for (int i = 0; i < 400 && invitations(t, who) < n; i++) Thread.sleep(50);
    assertThat(invitations(t, who)).as("invitations of " + who).isEqualTo(n);
  }

}
