package io.wayfinder.server.voc;

import static io.wayfinder.server.voc.SurveyFixtures.awaitInvitation;
import static io.wayfinder.server.voc.SurveyFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.server.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurveyLifecycleTest {
  @TempDir Path dir;

  @Test
  void aCollectedEventTriggersAnInvitationWhoseHostedPageStoresTheAnswerAndFeedsTheKpis() throws Exception {
    try (TestServer t = new TestServer(dir)) {
      String key = t.writeKey("shop", "web");
      var created = t.api("POST", "/api/surveys", SurveyFixtures.deliverySurvey("delivery_nps",
          "{\"event\": \"Order Delivered\", \"stage\": \"Respond\", \"delay\": \"PT0S\", \"samplePercent\": 100}"));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

      String now = Instant.now().toString();
      String track = "{\"userId\": \"cust-1\", \"event\": \"Order Delivered\", \"timestamp\": \"%s\", \"properties\": "
          + "{\"journey\": \"online_order\", \"stage\": \"Respond\", \"touchpoint\": \"delivery\"}, \"context\": {\"channel\": \"partner\"}}";
      assertThat(t.post("/v1/track", key, track.formatted(now)).statusCode()).isEqualTo(200);
      JsonNode inv = awaitInvitation(t, "delivery_nps");
      assertThat(inv.path("userId").asText()).isEqualTo("cust-1");
      assertThat(inv.path("stage").asText()).isEqualTo("Respond");
      assertThat(inv.path("touchpoint").asText()).isEqualTo("delivery");
      assertThat(inv.path("channel").asText()).isEqualTo("partner");

      String token = inv.path("token").asText();
      var page = t.get("/s/" + token);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("How likely are you to recommend us", "<legend", "name=\"nps\" value=\"10\"",
          "<label for=\"q-why\"");

      String form = "nps=3&why=" + URLEncoder.encode("The parcel came two days late and the driver was rude", StandardCharsets.UTF_8) + "&again=no";
      var answered = t.postAs("application/x-www-form-urlencoded", "/s/" + token, form);
      assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);
      assertThat(answered.body()).contains("Thank you");

      JsonNode kpi = json(t.api("GET", "/api/kpis?metric=nps&by=journey,stage,touchpoint,channel", null));
      assertThat(kpi.path("rows")).hasSize(1);
      JsonNode row = kpi.path("rows").get(0);
      assertThat(row.path("key").path("touchpoint").asText()).isEqualTo("delivery");
      assertThat(row.path("key").path("channel").asText()).isEqualTo("partner");
      assertThat(row.path("responses").asInt()).isEqualTo(1);
      assertThat(row.path("value").asDouble()).isEqualTo(-100.0);

      JsonNode answers = json(t.api("GET", "/api/surveys/delivery_nps/responses", null)).path("answers");
      assertThat(answers).hasSize(3);
      assertThat(answers.findValuesAsText("questionId")).containsExactlyInAnyOrder("nps", "why", "again");
      assertThat(answers.get(0).path("profileId").asLong()).isPositive();

      JsonNode profile = json(t.api("GET", "/api/profiles/cust-1?timeline=20", null));
      assertThat(profile.toString()).contains("Survey Response", "The parcel came two days late and the driver was rude");

      JsonNode sentiment = json(t.api("GET", "/api/sentiment?by=touchpoint&journey=online_order", null));
      assertThat(sentiment.path("groups").get(0).path("group").asText()).isEqualTo("delivery");
      assertThat(sentiment.path("groups").get(0).path("meanCompound").asDouble()).isNegative();

      var again = t.postAs("application/json", "/s/" + token, "{\"answers\": {\"nps\": 10}}");
      assertThat(again.statusCode()).isEqualTo(409);
      assertThat(json(t.api("GET", "/api/surveys/delivery_nps/responses", null)).path("answers")).hasSize(3);
      JsonNode stats = json(t.api("GET", "/api/surveys/delivery_nps", null)).path("stats");
      assertThat(stats.path("invited").asInt()).isEqualTo(1);
      assertThat(stats.path("responded").asInt()).isEqualTo(1);
    }
  }

  @Test
  void theQuietPeriodKeepsACustomerFromBeingSurveyedTwice() throws Exception {
    try (TestServer t = new TestServer(dir)) {
      String key = t.writeKey("shop", "web");
      t.api("POST", "/api/surveys", SurveyFixtures.deliverySurvey("delivery_nps",
          "{\"event\": \"Order Delivered\", \"quietPeriod\": \"P30D\"}"));
      String track = "{\"userId\": \"cust-2\", \"event\": \"Order Delivered\", \"timestamp\": \"%s\"}";
      t.post("/v1/track", key, track.formatted(Instant.now()));
      awaitInvitation(t, "delivery_nps");
      t.post("/v1/track", key, track.formatted(Instant.now()));
      t.post("/v1/track", key, "{\"userId\": \"cust-3\", \"event\": \"Order Delivered\"}");
      // Passes read events in order and commit invitations with the cursor: once cust-3 (tracked
      // last) is invited, a second invitation for cust-2 would be there too.
      JsonNode inv = json(t.api("GET", "/api/surveys/delivery_nps/invitations", null)).path("invitations");
      for (int i = 0; i < 400 && !inv.findValuesAsText("userId").contains("cust-3"); i++) {
        Thread.sleep(50);
        inv = json(t.api("GET", "/api/surveys/delivery_nps/invitations", null)).path("invitations");
      }
      assertThat(inv.findValuesAsText("userId")).containsExactlyInAnyOrder("cust-2", "cust-3");
    }
  }

  @Test
  void aLinkInvitationCountsTowardsTheQuietPeriodOfTheTriggers() throws Exception {
    try (TestServer t = new TestServer(dir)) {
      String key = t.writeKey("shop", "web");
      t.post("/v1/track", key, "{\"userId\": \"known-1\", \"event\": \"Signed Up\"}");
      t.api("POST", "/api/surveys", SurveyFixtures.deliverySurvey("delivery_nps",
          "{\"event\": \"Order Delivered\", \"quietPeriod\": \"P30D\"}"));
      t.api("POST", "/api/surveys", SurveyFixtures.deliverySurvey("link_csat", "null"));
      JsonNode known = json(t.api("POST", "/api/surveys/link_csat/invitations", "{\"customer\": \"known-1\"}"));
      assertThat(known.path("invitation").path("profileId").isNumber()).as(known.toString()).isTrue();
      json(t.api("POST", "/api/surveys/link_csat/invitations", "{\"customer\": \"new-1\"}"));
      String delivered = "{\"userId\": \"%s\", \"event\": \"Order Delivered\"}";
      t.post("/v1/track", key, delivered.formatted("known-1"));
      t.post("/v1/track", key, delivered.formatted("new-1"));
      t.post("/v1/track", key, delivered.formatted("control-1"));
      // Passes read events in order and commit invitations with the cursor: once control-1 (tracked
      // last) is invited, an invitation for known-1 or new-1 would be there too.
      JsonNode inv = awaitInvitation(t, "delivery_nps");
      assertThat(inv.path("userId").asText()).isEqualTo("control-1");
      assertThat(json(t.api("GET", "/api/surveys/delivery_nps/invitations", null)).path("invitations").findValuesAsText("userId"))
          .containsExactly("control-1");
    }
  }

  @Test
  void journeyLevelSurveysAreAskedAtTheJourneysGoalEvent() {
    try (TestServer t = new TestServer(dir)) {
      var r = t.api("POST", "/api/surveys", """
          {"id": "move_nps", "name": "Your move", "level": "journey", "journey": "broadband_move",
           "questions": [{"id": "nps", "type": "nps", "text": "Recommend us?"}], "trigger": {"samplePercent": 50}}""");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      assertThat(json(r).path("trigger").path("event").asText()).isEqualTo("Service Activated");
      assertThat(json(r).path("trigger").path("journey").asText()).isEqualTo("broadband_move");
      var unknown = t.api("POST", "/api/surveys", """
          {"id": "x", "name": "X", "level": "journey", "journey": "pets",
           "questions": [{"id": "nps", "type": "nps", "text": "Recommend us?"}], "trigger": {}}""");
      assertThat(unknown.statusCode()).isEqualTo(400);
    }
  }
}
