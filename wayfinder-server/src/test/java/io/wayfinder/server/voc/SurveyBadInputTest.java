package io.wayfinder.server.voc;

import static io.wayfinder.server.voc.SurveyFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.wayfinder.server.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad answers get a 4xx problem+json naming the field, and nothing is stored: no answer rows, no events. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveyBadInputTest {
  @TempDir static Path dir;
  TestServer t;
  String token;

  @BeforeAll
  void start() {
    t = new TestServer(dir);
    assertThat(t.api("POST", "/api/surveys", SurveyFixtures.deliverySurvey("link_nps", "null")).statusCode()).isEqualTo(201);
    token = json(t.api("POST", "/api/surveys/link_nps/invitations", "{\"customer\": \"cust-9\", \"channel\": \"email\"}"))
        .path("token").asText();
  }

  @AfterAll
  void stop() {
    t.close();
  }

  private long events() {
    return t.server.stats().events();
  }

  private long answers() {
    return json(t.api("GET", "/api/surveys/link_nps/responses", null)).path("answers").size();
  }

  private void assertProblem(HttpResponse<String> r, int status, String detail) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(json(r).path("detail").asText()).contains(detail);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "score above the scale | {\"answers\": {\"nps\": 11}} | answers.nps: nps score must be 0–10, got 11",
      "negative score | {\"answers\": {\"nps\": -1}} | answers.nps",
      "fractional score | {\"answers\": {\"nps\": 7.5}} | whole number",
      "unknown question | {\"answers\": {\"nps\": 5, \"colour\": \"red\"}} | answers.colour: survey link_nps has no such question",
      "missing required answer | {\"answers\": {\"why\": \"no score\"}} | answers.nps: is required",
      "choice not offered | {\"answers\": {\"nps\": 5, \"again\": \"maybe\"}} | answers.again",
      "answers not an object | {\"answers\": [5]} | answers: expected an object",
      "not JSON | {nps: | body: not valid JSON"})
  void badAnswersAreRefusedAndNothingIsStored(String name, String body, String detail) {
    long before = events();
    long answers = answers();
    assertProblem(t.postAs("application/json", "/s/" + token, body), 400, detail);
    assertThat(events()).isEqualTo(before);
    assertThat(answers()).isEqualTo(answers);
  }

  @Test
  void oversizedTextAndBodiesAreRefused() {
    long before = events();
    long answers = answers();
    assertProblem(t.postAs("application/json", "/s/" + token,
        "{\"answers\": {\"nps\": 5, \"why\": \"" + "x".repeat(2001) + "\"}}"), 400, "answers.why: is 2001 characters; the limit is 2000");
    assertProblem(t.postAs("application/json", "/s/" + token,
        "{\"answers\": {\"nps\": 5, \"why\": \"" + "x".repeat(70_000) + "\"}}"), 413, "the limit is 65536");
    assertThat(events()).isEqualTo(before);
    assertThat(answers()).isEqualTo(answers);
  }

  @Test
  void unknownSurveysAndInvitationsAreNotFound() {
    assertProblem(t.postAs("application/json", "/s/inv_nope", "{\"answers\": {\"nps\": 5}}"), 404, "survey invitation not found");
    assertProblem(t.api("POST", "/api/surveys/nope/responses", "{\"customer\": \"c\", \"answers\": {\"nps\": 5}}"), 404,
        "survey 'nope' not found");
    assertProblem(t.api("POST", "/api/surveys/link_nps/responses", "{\"customer\": \"c\", \"answers\": {\"nps\": 12}}"), 400,
        "answers.nps");
    assertThat(t.get("/s/inv_nope").statusCode()).isEqualTo(404);
  }

  @Test
  void aBadSurveyDefinitionNamesTheField() {
    assertProblem(t.api("POST", "/api/surveys", "{\"id\": \"Bad Id\", \"name\": \"x\", \"questions\": []}"), 400, "id must be");
    var malformed = t.api("POST", "/api/surveys", "{\"id\": \"s\", \"name\": ");
    assertProblem(malformed, 400, "body: malformed JSON at line 1");
    assertThat(malformed.body()).doesNotContain("Source", "REDACTED");
    assertProblem(t.api("POST", "/api/surveys", SurveyFixtures.deliverySurvey("t2", "{\"event\": \"X\", \"samplePercent\": 0}")),
        400, "trigger.samplePercent");
    assertProblem(t.api("POST", "/api/surveys", SurveyFixtures.deliverySurvey("link_nps", "null")), 409, "exists already");
    assertProblem(t.api("GET", "/api/kpis?metric=happiness", null), 400, "metric: one of nps, csat, ces");
    assertProblem(t.api("GET", "/api/kpis?metric=nps&by=colour", null), 400, "by: one of journey");
    assertProblem(t.api("PUT", "/api/kpis/targets", "[{\"journey\": \"j\", \"metric\": \"nps\", \"target\": 150}]"), 400, "[0].target");
  }

  @Test
  void aDuplicateSubmissionIsAConflictAndStoresNothingMore() {
    String second = json(t.api("POST", "/api/surveys/link_nps/invitations", "{\"customer\": \"cust-8\"}")).path("token").asText();
    assertThat(t.postAs("application/json", "/s/" + second, "{\"answers\": {\"nps\": 9}}").statusCode()).isEqualTo(201);
    long events = events();
    long answers = answers();
    assertProblem(t.postAs("application/json", "/s/" + second, "{\"answers\": {\"nps\": 9}}"), 409, "answered already");
    assertThat(events()).isEqualTo(events);
    assertThat(answers()).isEqualTo(answers);
    assertThat(t.get("/s/" + second).statusCode()).isEqualTo(409);
  }

  @Test
  void publicEndpointsNeedTheTokenOrAWriteKeyNotTheAdminToken() {
    assertThat(t.get("/api/surveys").statusCode()).isEqualTo(401);
    assertProblem(t.get("/widget/invitation?customer=c&survey=link_nps"), 401, "write key");
    assertProblem(t.get("/widget/invitation?customer=c&survey=link_nps&writeKey=wk_wrong"), 401, "unknown write key");
  }
}
