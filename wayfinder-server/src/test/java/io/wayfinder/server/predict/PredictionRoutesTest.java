package io.wayfinder.server.predict;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.server.JsonSupport;
import io.wayfinder.server.TestServer;
import io.wayfinder.server.voc.GeneratedData;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CLV, churn and segments through the HTTP API on 2,000 generated customers (seed 42) imported with the Importer. */
class PredictionRoutesTest {
  @TempDir static Path dir;
  static TestServer server;
  static GeneratedData.Loaded data;
  static JsonNode churn;
  static JsonNode clv;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer(dir.resolve("data"));
    data = GeneratedData.loadWithSummary(server.server, 2000, 42, dir);
    clv = ok(server.api("POST", "/api/clv/fit", "{\"model\": \"bgnbd\"}"));
    churn = ok(server.api("POST", "/api/churn/train", ""));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode ok(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).doesNotContain("NaN").doesNotContain("Infinity");
    return JsonSupport.MAPPER.readTree(r.body());
  }

  @Test
  void churnModelValidatesOnATimeBasedHoldout() {
    JsonNode holdout = churn.path("run").path("metrics").path("holdout");
    System.out.println("churn holdout over HTTP: " + holdout);
    assertThat(holdout.path("auc").asDouble()).isGreaterThan(0.75);
    assertThat(holdout.path("brier").asDouble()).isLessThan(holdout.path("base_rate").asDouble() * (1 - holdout.path("base_rate").asDouble()));
    assertThat(holdout.path("reliability").size()).isGreaterThan(3);
    assertThat(churn.path("run").path("metrics").path("importance").get(0).path("feature").asText()).isNotBlank();
    assertThat(churn.path("run").path("version").asInt()).isEqualTo(1);
    assertThat(churn.path("scored").asInt()).isEqualTo(2000);
  }

  @Test
  void plantedAtRiskCustomersFillTheTopOfTheRiskList() throws Exception {
    JsonNode top = ok(server.api("GET", "/api/churn/scores?limit=400", null)).path("scores");
    Set<String> atRisk = new HashSet<>(data.summary().atRiskUserIds());
    int hits = 0;
    for (JsonNode s : top) if (atRisk.contains(s.path("userId").asText())) hits++;
    System.out.printf("planted at-risk customers in the top risk quintile (400 of 2000): %d of %d%n", hits, atRisk.size());
    assertThat(top.size()).isEqualTo(400);
    assertThat((double) hits / atRisk.size()).isGreaterThan(0.6);
  }

  @Test
  void clvFitIsStoredWithItsWindowAndWrittenToProfiles() throws Exception {
    JsonNode run = clv.path("run");
    assertThat(run.path("model").asText()).isEqualTo("bgnbd+gammagamma");
    assertThat(run.path("params").path("r").asDouble()).isPositive();
    assertThat(run.path("params").path("gammagamma").path("p").asDouble()).isPositive();
    assertThat(run.path("loglik").asDouble()).isNegative();
    assertThat(run.path("windowStart").asText()).startsWith("2024-01");
    JsonNode models = ok(server.api("GET", "/api/clv/models", null)).path("models");
    assertThat(models.get(0).path("id").asText()).isEqualTo(run.path("id").asText());
    JsonNode scores = ok(server.api("GET", "/api/clv/scores?limit=5&order=clv", null)).path("scores");
    assertThat(scores.get(0).path("clv").asDouble()).isGreaterThanOrEqualTo(scores.get(4).path("clv").asDouble());
    String user = scores.get(0).path("userId").asText();
    JsonNode profile = ok(server.api("GET", "/api/profiles/" + user + "?timeline=1", null)).path("predictions");
    assertThat(profile.path("clv").asDouble()).isEqualTo(scores.get(0).path("clv").asDouble());
    assertThat(profile.path("churnRisk").isNumber()).isTrue();
    assertThat(profile.path("pAlive").asDouble()).isBetween(0.0, 1.0);
    assertThat(profile.path("valueSegment").asText()).startsWith("high_value_");
  }

  @Test
  void segmentsCountEveryScoredCustomerWithValueAtStake() throws Exception {
    JsonNode segments = ok(server.api("GET", "/api/segments", null)).path("segments");
    System.out.println("segments: " + segments);
    assertThat(segments.size()).isEqualTo(4);
    long total = 0;
    for (JsonNode s : segments) total += s.path("customers").asLong();
    assertThat(total).isEqualTo(2000);
    assertThat(segments.get(0).path("segment").asText()).isEqualTo("high_value_at_risk");
    assertThat(segments.get(1).path("valueAtStake").asDouble()).isPositive();
  }

  @Test
  void rescoringKeepsTheModelAndBadRequestsAreProblems() throws Exception {
    JsonNode rescored = ok(server.api("POST", "/api/churn/score", "{}"));
    assertThat(rescored.path("run").path("id").asText()).isEqualTo(churn.path("run").path("id").asText());
    assertThat(ok(server.api("POST", "/api/clv/score", "")).path("scored").asInt()).isEqualTo(clv.path("scored").asInt());

    HttpResponse<String> empty = server.api("POST", "/api/clv/fit", "{\"since\": \"2030-01-01\"}");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("no purchases").contains("between 2030-01-01 and now");
    HttpResponse<String> wrongEvent = server.api("POST", "/api/churn/train", "{\"event\": \"Order Placed\"}");
    assertThat(wrongEvent.statusCode()).isEqualTo(400);
    assertThat(wrongEvent.body()).contains("no 'Order Placed' events");
    HttpResponse<String> badOrder = server.api("GET", "/api/clv/scores?order=revenue", null);
    assertThat(badOrder.statusCode()).isEqualTo(400);
    assertThat(server.api("POST", "/api/churn/train", "{\"windowDays\": 0}").statusCode()).isEqualTo(400);
  }

  @Test
  void anObservationEndAfterTheDataIsRefusedAndChangesNothing() throws Exception {
    JsonNode before = ok(server.api("GET", "/api/churn/scores?limit=5&order=clv", null));
    for (var r : java.util.List.of(server.api("POST", "/api/clv/fit", "{\"calibrationEnd\": \"2099-01-01\"}"),
        server.api("POST", "/api/clv/score", "{\"calibrationEnd\": \"2099-01-01\"}"),
        server.api("POST", "/api/churn/train", "{\"asOf\": \"2099-01-01T00:00:00Z\"}"),
        server.api("POST", "/api/churn/score", "{\"asOf\": \"2099-01-01T00:00:00Z\"}"))) {
      assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
      assertThat(r.body()).contains("2099-01-01 is after the latest event in the store");
    }
    assertThat(ok(server.api("GET", "/api/churn/scores?limit=5&order=clv", null))).isEqualTo(before);
  }
}
