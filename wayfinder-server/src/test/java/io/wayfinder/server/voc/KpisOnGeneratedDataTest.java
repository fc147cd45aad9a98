package io.wayfinder.server.voc;

import static io.wayfinder.server.voc.SurveyFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.core.generate.PlantedProblems;
import io.wayfinder.server.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The planted problems of generated data, found through the KPI, sentiment and driver API of a real server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpisOnGeneratedDataTest {
  static final PlantedProblems.PoorStage POOR = PlantedProblems.DEFAULT.poorStage();
  static final PlantedProblems.KeyDriver DRIVER = PlantedProblems.DEFAULT.keyDriver();

  @TempDir static Path dir;
  TestServer t;

  @BeforeAll
  void load() {
    t = new TestServer(dir.resolve("data"));
    assertThat(GeneratedData.load(t.server, 2000, 42, dir)).isGreaterThan(100_000);
  }

  @AfterAll
  void stop() {
    t.close();
  }

  @Test
  void aRestartedServerLoadsTheKpiResponsesBeforeTheFirstQuery() throws InterruptedException {
    t.close();
    t = new TestServer(dir.resolve("data"));
    // No KPI query is made: the responses are in memory because the start-up load read them.
    java.util.regex.Pattern loaded = java.util.regex.Pattern.compile("(?m)^wayfinder_kpi_responses_loaded (\\S+)$");
    double responses = 0;
    for (int i = 0; i < 400 && responses == 0; i++) {
      var m = loaded.matcher(t.get("/metrics").body());
      assertThat(m.find()).isTrue();
      responses = Double.parseDouble(m.group(1));
      if (responses == 0) Thread.sleep(50);
    }
    assertThat(responses).isGreaterThan(1000);
    assertThat(json(t.api("GET", "/api/kpis?metric=nps", null)).path("rows").get(0).path("responses").asDouble())
        .isLessThanOrEqualTo(responses);
  }

  @Test
  void thePoorStageHasTheLowestNpsAndCsatWithAnIntervalExcludingEveryOtherStage() {
    for (String metric : List.of("nps", "csat")) {
      JsonNode rows = json(t.api("GET", "/api/kpis?metric=" + metric + "&by=journey,stage", null)).path("rows");
      List<JsonNode> all = new ArrayList<>();
      rows.forEach(all::add);
      assertThat(all).hasSizeGreaterThanOrEqualTo(3);
      JsonNode poor = all.stream().filter(r -> r.path("key").path("journey").asText().equals(POOR.journey())
          && r.path("key").path("stage").asText().equals(POOR.stage())).findFirst().orElseThrow();
      for (JsonNode other : all) {
        if (other == poor) continue;
        assertThat(poor.path("value").asDouble()).as(metric + " vs " + other.path("key")).isLessThan(other.path("value").asDouble());
        assertThat(poor.path("high").asDouble()).as(metric + " interval vs " + other.path("key"))
            .isLessThan(other.path("low").asDouble());
      }
    }
  }

  @Test
  void changesBetweenGroupsAndPeriodsAreTested() {
    JsonNode c = json(t.api("GET", "/api/kpis/compare?metric=nps&journey=broadband_move&dimension=stage&current=Respond&baseline=Repeat", null));
    // broadband_move has answers at Respond only; compare Respond with home_loan's Respond instead when Repeat is empty.
    if (c.path("status").asInt() == 400) {
      c = json(t.api("GET", "/api/kpis/compare?metric=nps&stage=Respond&dimension=journey&current=broadband_move&baseline=home_loan", null));
    }
    assertThat(c.path("difference").asDouble()).isNegative();
    assertThat(c.path("pValue").asDouble()).isLessThan(0.001);
    assertThat(c.path("significant").asBoolean()).isTrue();

    JsonNode p = json(t.api("GET", "/api/kpis/compare?metric=csat&currentFrom=2025-01-01&currentTo=2025-06-30"
        + "&baselineFrom=2024-07-01&baselineTo=2024-12-31", null));
    assertThat(p.path("currentKpi").path("responses").asLong()).isPositive();
    assertThat(p.path("baselineKpi").path("responses").asLong()).isPositive();
    assertThat(p.path("pValue").asDouble()).isBetween(0.0, 1.0);
  }

  @Test
  void targetsPerJourneyShowWhetherTheyAreMet() {
    var r = t.api("PUT", "/api/kpis/targets", "[{\"journey\": \"broadband_move\", \"metric\": \"nps\", \"target\": 0},"
        + " {\"journey\": \"online_order\", \"metric\": \"nps\", \"target\": -100}]");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode rows = json(t.api("GET", "/api/kpis?metric=nps&by=journey", null)).path("rows");
    for (JsonNode row : rows) {
      String journey = row.path("key").path("journey").asText();
      if (journey.equals("broadband_move")) assertThat(row.path("status").asText()).isEqualTo("OFF_TARGET");
      else if (journey.equals("online_order")) assertThat(row.path("status").asText()).isEqualTo("ON_TARGET");
      else assertThat(row.path("status").isNull()).isTrue();
    }
  }

  @Test
  void theEmotionalCurveDipsAtThePoorStage() {
    JsonNode groups = json(t.api("GET", "/api/sentiment?by=stage&journey=" + POOR.journey(), null)).path("groups");
    JsonNode lowest = null;
    for (JsonNode g : groups) if (lowest == null || g.path("meanCompound").asDouble() < lowest.path("meanCompound").asDouble()) lowest = g;
    assertThat(lowest.path("group").asText()).isEqualTo(POOR.stage());
    assertThat(lowest.path("topNegativeTerms")).isNotEmpty();
  }

  @Test
  void driverAnalysisNamesThePlantedDriverFirst() {
    JsonNode r = json(t.api("GET", "/api/drivers?outcome=nps&journey=" + DRIVER.journey(), null));
    JsonNode first = r.path("drivers").get(0);
    assertThat(first.path("name").asText()).isEqualTo("wait " + DRIVER.fromEvent() + " → " + DRIVER.toEvent() + " (days)");
    assertThat(first.path("sign").asInt()).isEqualTo(-1);
    assertThat(first.path("shapley").asDouble()).isEqualTo(r.path("drivers").findValues("shapley").stream()
        .mapToDouble(JsonNode::asDouble).max().orElseThrow());
    assertThat(r.path("drivers").get(0).path("quadrant").asText()).isIn("PRIORITY", "STRENGTH");
    assertThat(r.path("customers").asInt()).isGreaterThan(100);
  }
}
