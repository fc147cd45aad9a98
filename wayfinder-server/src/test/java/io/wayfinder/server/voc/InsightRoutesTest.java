package io.wayfinder.server.voc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wayfinder.server.JsonSupport;
import io.wayfinder.server.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sentiment and key drivers on a few hand-made events: an unknown journey is refused as by the
 * other journey endpoints, and too few answers are refused saying what is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightRoutesTest {
  private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
  @TempDir static Path dir;
  TestServer t;

  @BeforeAll
  void load() throws Exception {
    t = new TestServer(dir);
    ArrayNode batch = JsonSupport.MAPPER.createArrayNode();
    // None of these journeys is defined: their events name them. 'reviews' has one comment and no score;
    // in 'calls' three customers answer NPS after 0, 1 and 2 calls.
    for (int c = 0; c < 3; c++) {
      for (int k = 0; k < c; k++) event(batch, "c" + c, k + 1, "Support Call", "calls", "call_centre");
      event(batch, "c" + c, 10, "Survey Response", "calls", "web").put("question_type", "nps").put("score", 9 - 3 * c);
    }
    // 'same': two customers answer NPS and did nothing else, so no driver differs between them.
    for (int c = 0; c < 2; c++) {
      event(batch, "s" + c, 10, "Survey Response", "same", "web").put("question_type", "nps").put("score", 3 + 5 * c);
    }
    event(batch, "r1", 1, "Survey Response", "reviews", "web").put("comment", "Lovely staff, quick delivery");
    ObjectNode body = JsonSupport.MAPPER.createObjectNode();
    body.set("batch", batch);
    assertThat(t.post("/v1/batch", t.writeKey("web", "web"), body.toString()).statusCode()).isEqualTo(200);
    assertThat(t.api("POST", "/api/journeys", "{\"id\": \"defined\", \"entryEvent\": \"A\", \"goalEvent\": \"B\"}").statusCode())
        .isEqualTo(201);
  }

  private static ObjectNode event(ArrayNode batch, String user, int minute, String name, String journey, String channel) {
    ObjectNode m = batch.addObject().put("type", "track").put("event", name).put("userId", user)
        .put("timestamp", T0.plusSeconds(60L * minute).toString());
    return m.putObject("properties").put("journey", journey).put("stage", "Respond").put("channel", channel);
  }

  @AfterAll
  void stop() {
    t.close();
  }

  private String problem(String path) throws Exception {
    HttpResponse<String> r = t.api("GET", path, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
    return JsonSupport.MAPPER.readTree(r.body()).path("detail").asText();
  }

  private JsonNode ok(String path) throws Exception {
    HttpResponse<String> r = t.api("GET", path, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JsonSupport.MAPPER.readTree(r.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/sentiment?journey=nope", "/api/drivers?journey=nope", "/api/painpoints?journey=nope",
      "/api/discovery?journey=nope"})
  void anUnknownJourneyIsABadRequestNamingItOnEveryEndpoint(String path) throws Exception {
    assertThat(problem(path)).startsWith("journey: no journey 'nope'");
  }

  @Test
  void sentimentOfADefinedJourneyWithoutCommentsIsEmptyAndOfAJourneyNamedByItsEventsIsCounted() throws Exception {
    assertThat(ok("/api/sentiment?journey=defined").path("groups")).isEmpty();
    assertThat(ok("/api/sentiment?journey=same").path("groups")).isEmpty(); // named by its events, none with a comment
    JsonNode reviews = ok("/api/sentiment?journey=reviews&by=touchpoint");
    assertThat(reviews.path("texts").asInt()).isEqualTo(1);
    assertThat(reviews.path("groups").get(0).path("group").asText()).isEqualTo("Survey Response");
  }

  @Test
  void driversWithoutAnswersSayWhichAnswersAreMissing() throws Exception {
    assertThat(problem("/api/drivers?journey=defined&outcome=csat")).isEqualTo("journey: no customer of 'defined' answered a CSAT "
        + "question (a Survey Response with question_type csat and journey 'defined'); key drivers need the answers of at least 4 customers");
  }

  @Test
  void driversThatDoNotVaryAreNamedAsTheReason() throws Exception {
    assertThat(problem("/api/drivers?journey=same")).startsWith("journey: none of the drivers (waits between common steps, "
        + "call-centre contacts, channel switches, other survey scores) differs among the 2 customers of 'same' who answered an NPS question");
    assertThat(problem("/api/drivers?journey=reviews")).startsWith("journey: no customer of 'reviews' answered an NPS question");
  }

  @Test
  void tooFewAnswersForTheDriversSayHowManyAreNeeded() throws Exception {
    assertThat(problem("/api/drivers?journey=calls")).matches(
        "journey: only 3 customers of 'calls' answered an NPS question; weighing its \\d+ drivers? needs the answers of at least \\d+");
  }
}
