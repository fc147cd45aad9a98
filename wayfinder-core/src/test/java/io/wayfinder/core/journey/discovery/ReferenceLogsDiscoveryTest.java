package io.wayfinder.core.journey.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wayfinder.core.eventlog.EventLogReader;
import io.wayfinder.core.eventlog.EventLogReaders;
import io.wayfinder.core.eventlog.SharedData;
import io.wayfinder.core.journey.index.JourneyIndex;
import io.wayfinder.core.journey.index.JourneyIndexBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every result field of the shared {@code *.expected.json} files, reproduced through the core API. */
class ReferenceLogsDiscoveryTest {
  private static final double SECONDS = 1e-3;

  private static JsonNode expected(String log) throws IOException {
    return new ObjectMapper().readTree(SharedData.eventLog(log + ".expected.json").toFile());
  }

  private static JourneyIndex index(String log) {
    try (EventLogReader events = EventLogReaders.open(SharedData.eventLog(log))) {
      return JourneyIndexBuilder.of(events);
    }
  }

  private static List<String> countsAsText(List<NamedCount> counts) {
    return counts.stream().map(c -> (c.name() == null ? "None" : c.name()) + "=" + c.count()).toList();
  }

  private static List<String> objectAsText(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.fields().forEachRemaining(f -> out.add(f.getKey() + "=" + f.getValue().asInt()));
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"running-example.xes", "receipt.xes.gz"})
  void resultsDoNotDependOnParallelChunks(String log) {
    JourneyIndex index = index(log);
    DiscoveryResult oneThread = new DiscoveryEngine(index, Integer.MAX_VALUE).discover(DiscoveryQuery.ALL);
    DiscoveryResult chunked = new DiscoveryEngine(index, 0).discover(DiscoveryQuery.ALL);
    assertThat(chunked).isEqualTo(oneThread);
  }

  @ParameterizedTest
  @ValueSource(strings = {"running-example.xes", "running-example.csv", "receipt.xes.gz", "receipt.csv"})
  void reproducesEveryExpectedField(String log) throws IOException {
    JsonNode x = expected(log);
    DiscoveryEngine engine = new DiscoveryEngine(index(log));
    DiscoveryResult r = engine.discover(DiscoveryQuery.ALL);

    assertThat(r.cases()).isEqualTo(x.get("cases").asInt());
    assertThat(r.events()).isEqualTo(x.get("events").asInt());
    assertThat(r.activities()).hasSize(x.get("activities").asInt());
    List<String> names = new ArrayList<>();
    x.get("activity_names").forEach(n -> names.add(n.asText()));
    assertThat(r.activities()).containsExactlyElementsOf(names);
    assertThat(countsAsText(r.startActivities())).containsExactlyElementsOf(objectAsText(x.get("start_activities")));
    assertThat(countsAsText(r.endActivities())).containsExactlyElementsOf(objectAsText(x.get("end_activities")));
    assertThat(countsAsText(r.lifecycleTransitions()))
        .containsExactlyElementsOf(objectAsText(x.get("lifecycle_transition_counts")));

    JsonNode dfg = x.get("dfg");
    JsonNode perf = x.get("dfg_performance_seconds");
    assertThat(r.directlyFollows()).hasSize(dfg.size());
    for (int e = 0; e < dfg.size(); e++) {
      DirectlyFollows edge = r.directlyFollows().get(e);
      assertThat(List.of(edge.from(), edge.to(), String.valueOf(edge.count())))
          .as("edge %d", e)
          .containsExactly(dfg.get(e).get(0).asText(), dfg.get(e).get(1).asText(), dfg.get(e).get(2).asText());
      assertThat(perf.get(e).get(0).asText()).isEqualTo(edge.from());
      assertThat(perf.get(e).get(1).asText()).isEqualTo(edge.to());
      assertThat(edge.meanSeconds()).as("mean %s", edge).isCloseTo(perf.get(e).get(2).asDouble(), within(SECONDS));
      assertThat(edge.medianSeconds()).as("median %s", edge).isCloseTo(perf.get(e).get(3).asDouble(), within(SECONDS));
    }

    JsonNode top = x.get("variants_top");
    List<Variant> variants = r.topVariants(20);
    assertThat(variants).hasSize(top.size());
    for (int v = 0; v < top.size(); v++) {
      assertThat(variants.get(v).joined()).isEqualTo(top.get(v).get(0).asText());
      assertThat(variants.get(v).count()).isEqualTo(top.get(v).get(1).asInt());
    }
    assertThat(r.variantCount()).isEqualTo(x.get("variant_count").asInt());

    CaseDurations d = r.caseDurations();
    assertThat(d.meanSeconds()).isCloseTo(x.get("mean_case_duration_seconds").asDouble(), within(SECONDS));
    assertThat(d.medianSeconds()).isCloseTo(x.get("median_case_duration_seconds").asDouble(), within(SECONDS));
    assertThat(d.minSeconds()).isCloseTo(x.get("min_case_duration_seconds").asDouble(), within(SECONDS));
    assertThat(d.maxSeconds()).isCloseTo(x.get("max_case_duration_seconds").asDouble(), within(SECONDS));

    JsonNode funnel = x.get("funnel");
    List<String> steps = new ArrayList<>();
    funnel.get("steps").forEach(s -> steps.add(s.get(0).asText()));
    FunnelResult f = engine.funnel(DiscoveryQuery.ALL, steps);
    for (int k = 0; k < steps.size(); k++) {
      FunnelResult.Step step = f.steps().get(k);
      assertThat(step.cases()).isEqualTo(funnel.get("steps").get(k).get(1).asInt());
      JsonNode conversion = funnel.get("conversion_from_previous").get(k);
      if (conversion.isNull()) {
        assertThat(step.conversionFromPrevious()).isNull();
      } else {
        assertThat(step.conversionFromPrevious()).isCloseTo(conversion.asDouble(), within(1e-6));
      }
    }
  }
}
