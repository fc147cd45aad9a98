package io.wayfinder.server.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.server.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading and publishing flows over the API: bad input is a 422 naming node and field with nothing stored; versions; restarts. */
class FlowApiTest {
  private static final String GOOD = """
      {"id": "welcome", "version": %d, "nodes": [
        {"id": "t", "type": "trigger.event", "event": "Signed Up", "next": "w"},
        {"id": "w", "type": "wait.duration", "duration": "%s", "next": "a"},
        {"id": "a", "type": "action.inApp", "body": "welcome (v%d)", "next": "x"},
        {"id": "x", "type": "exit"}]}""";

  @Test
  void badFlowsAreRefusedNamingNodeAndFieldAndNothingIsStored(@TempDir Path dir) throws Exception {
    try (FlowFixture f = new FlowFixture(dir)) {
      f.track("ada", "Signed Up", "{\"plan\": \"gold\"}"); // the store now knows this event and property
      String[][] cases = {
          {"{\"id\": \"c\", \"version\": 1, \"nodes\": [{\"id\": \"t\", \"type\": \"trigger.event\", \"event\": \"Signed Up\", \"next\": \"a\"},"
              + "{\"id\": \"a\", \"type\": \"action.setTrait\", \"trait\": \"x\", \"value\": 1, \"next\": \"b\"},"
              + "{\"id\": \"b\", \"type\": \"action.setTrait\", \"trait\": \"y\", \"value\": 2, \"next\": \"a\"}]}", "node 'b', field 'next'", "cycle"},
          {"{\"id\": \"c\", \"version\": 1, \"nodes\": [{\"id\": \"t\", \"type\": \"trigger.event\", \"event\": \"Signed Up\", \"next\": \"a\"},"
              + "{\"id\": \"a\", \"type\": \"action.sms\", \"next\": \"t\"}]}", "node 'a', field 'type'", "unknown node type"},
          {"{\"id\": \"c\", \"version\": 1, \"nodes\": [{\"id\": \"t\", \"type\": \"trigger.event\", \"event\": \"Signed Upp\", \"next\": \"x\"},"
              + "{\"id\": \"x\", \"type\": \"exit\"}]}", "node 't', field 'event'", "unknown event name"},
          {"{\"id\": \"c\", \"version\": 1, \"nodes\": [{\"id\": \"t\", \"type\": \"trigger.event\", \"event\": \"Signed Up\", \"where\": {\"plna\": \"gold\"}, \"next\": \"x\"},"
              + "{\"id\": \"x\", \"type\": \"exit\"}]}", "node 't', field 'where'", "unknown event or trait name"},
          {"{\"id\": \"c\", \"version\": 1, \"nodes\": [{\"id\": \"t\", \"type\": \"trigger.event\", \"event\": \"Signed Up\", \"where\": {\"plan\": {\"$between\": 1}}, \"next\": \"x\"},"
              + "{\"id\": \"x\", \"type\": \"exit\"}]}", "node 't', field 'where'", "unknown operator"},
          {"{\"id\": \"c\", \"version\": 1, \"nodes\": [{\"id\": \"t\", \"type\": \"trigger.event\", \"event\": \"Signed Up\", \"next\": \"a\"},"
              + "{\"id\": \"a\", \"type\": \"action.inApp\", \"body\": \"hi {{traits.fristName}}\", \"next\": \"x\"},"
              + "{\"id\": \"x\", \"type\": \"exit\"}]}", "node 'a', field 'body'", "template fails to render"},
      };
      for (String[] c : cases) {
        HttpResponse<String> r = f.s.api("POST", "/api/flows", c[0]);
        assertThat(r.statusCode()).as(c[1]).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode p = FlowFixture.JSON.readTree(r.body());
        assertThat(p.get("errors").findValuesAsText("field")).as(r.body()).contains(c[1]);
        assertThat(p.get("detail").asText()).as(r.body()).contains(c[2]);
      }
      assertThat(f.get("/api/flows").get("flows")).isEmpty();
      assertThat(f.sql("SELECT count(*) FROM flow_versions")).isZero();
      assertThat(f.s.api("POST", "/api/flows/nope/publish", null).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void publishingANewVersionLeavesRunningInstancesOnTheirsAndWaitsSurviveARestart(@TempDir Path dir) throws Exception {
    String key;
    String secret;
    try (FlowFixture f = new FlowFixture(dir)) {
      key = f.key;
      secret = f.secret;
      f.publish(GOOD.formatted(1, "PT8S", 1));
      f.track("early", "Signed Up", "{}");
      Eventually.until("early waiting", 10_000, () -> FlowDeliveryEndToEndTest.count(f, "SELECT count(*) FROM flow_waits") == 1);
      f.publish(GOOD.formatted(2, "PT1S", 2));
      HttpResponse<String> again = f.s.api("POST", "/api/flows?checkNames=false", GOOD.formatted(1, "PT9S", 1));
      assertThat(again.statusCode()).as("a published version is immutable").isEqualTo(400);
      f.track("late", "Signed Up", "{}");
      Eventually.until("late's v2 message", 10_000, () -> FlowWaitsAndRulesTest.size(f, "late") == 1);
      assertThat(f.messages("late").get(0).get("body").asText()).isEqualTo("welcome (v2)");
      assertThat(f.messages("early")).isEmpty(); // still waiting on version 1's 8 s
    }
    // restart on the same data directory: early's wait is in the store and fires
    try (TestServer s = new TestServer(dir)) {
      HttpResponse<String>[] last = new HttpResponse[1];
      Eventually.until("early's v1 message after the restart", 20_000, () -> {
        last[0] = s.get(FlowFixture.messagesPath(key, secret, "early"));
        return last[0].body().contains("welcome (v1)");
      });
      JsonNode flow = FlowFixture.JSON.readTree(s.api("GET", "/api/flows/welcome", null).body());
      assertThat(flow.get("versions")).hasSize(2);
      assertThat(flow.get("versions").findValuesAsText("status")).containsExactly("published", "published");
    }
  }

  @Test
  void inAppMessagesNeedTheCustomersTokenNotOnlyThePublicWriteKey(@TempDir Path dir) throws Exception {
    try (FlowFixture f = new FlowFixture(dir)) {
      String base = "/v1/messages?writeKey=" + f.key + "&userId=someone";
      assertThat(f.s.get(base).statusCode()).isEqualTo(401);
      java.time.Instant later = java.time.Instant.now().plusSeconds(600);
      String forged = io.wayfinder.core.widget.CustomerToken.sign("not the secret", "someone", later);
      assertThat(f.s.get(base + "&customerToken=" + forged).statusCode()).isEqualTo(403);
      String anotherCustomers = io.wayfinder.core.widget.CustomerToken.sign(f.secret, "someone-else", later);
      assertThat(f.s.get(base + "&customerToken=" + anotherCustomers).statusCode()).isEqualTo(403);
      assertThat(f.s.get(FlowFixture.messagesPath(f.key, f.secret, "someone")).statusCode()).isEqualTo(200);
    }
  }
}
