package io.wayfinder.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wayfinder.core.eventlog.EventLogReader;
import io.wayfinder.core.eventlog.EventLogReaders;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiscoverCommandTest {
  /** Provenance fields of the reference files, not results. */
  private static final Set<String> NOT_RESULTS = Set.of("source", "conventions", "peer");

  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static List<String> steps(JsonNode expected) {
    List<String> steps = new ArrayList<>();
    expected.get("funnel").get("steps").forEach(s -> steps.add(s.get(0).asText()));
    return steps;
  }

  /** Deep equality where numbers may differ by 1e-3 (durations) and everything else is exact. */
  private static void assertMatches(String path, JsonNode actual, JsonNode expected) {
    assertThat(actual).as(path + " is missing").isNotNull();
    if (expected.isNumber()) {
      assertThat(actual.isNumber()).as(path).isTrue();
      assertThat(actual.asDouble()).as(path).isCloseTo(expected.asDouble(), within(1e-3));
    } else if (expected.isArray()) {
      assertThat(actual.size()).as(path + " size").isEqualTo(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        assertMatches(path + "[" + i + "]", actual.get(i), expected.get(i));
      }
    } else if (expected.isObject()) {
      List<String> expectedKeys = new ArrayList<>();
      expected.fieldNames().forEachRemaining(expectedKeys::add);
      List<String> actualKeys = new ArrayList<>();
      actual.fieldNames().forEachRemaining(actualKeys::add);
      assertThat(actualKeys).as(path + " keys in order").containsExactlyElementsOf(expectedKeys);
      for (String k : expectedKeys) {
        assertMatches(path + "." + k, actual.get(k), expected.get(k));
      }
    } else {
      assertThat(actual).as(path).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"running-example.xes", "running-example.csv", "receipt.xes.gz", "receipt.csv"})
  void jsonReproducesEveryResultFieldOfTheReference(String log) throws IOException {
    JsonNode expected = new ObjectMapper().readTree(SharedData.path("data/eventlogs/" + log + ".expected.json").toFile());
    Run r = run("discover", SharedData.path("data/eventlogs/" + log).toString(), "--json", "--funnel", String.join(",", steps(expected)));
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode actual = new ObjectMapper().readTree(r.out());
    for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (NOT_RESULTS.contains(field)) {
        continue;
      }
      if (field.equals("funnel")) {
        assertMatches("funnel.steps", actual.get("funnel").get("steps"), expected.get("funnel").get("steps"));
        assertMatches("funnel.conversion", actual.get("funnel").get("conversion_from_previous"),
            expected.get("funnel").get("conversion_from_previous"));
      } else {
        assertMatches(field, actual.get(field), expected.get(field));
      }
    }
  }

  @Test
  void textSummaryNamesTheMainFigures() {
    Run r = run("discover", SharedData.path("data/eventlogs/" + "running-example.xes").toString(), "--funnel", "register request,decide");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("6 cases, 42 events, 8 activities, 6 variants")
        .contains("register request -> examine casually")
        .contains("funnel:")
        .contains("check ticket (2 cases, 3 repeats)")
        .doesNotContain("{");
  }

  @Test
  void mappedColumnsAndLifecycleClassifier() throws IOException {
    Path csv = dir.resolve("journeys.csv");
    Files.writeString(csv, """
        customer,step,at,lifecycle:transition
        u1,visit,2024-03-01T10:00:00+01:00,start
        u1,visit,2024-03-01T09:30:00Z,complete
        u2,visit,2024-03-01 11:00:00,complete
        """);
    Run r = run("discover", csv.toString(), "--json", "--case", "customer", "--activity", "step",
        "--timestamp", "at", "--classifier", "name+lifecycle");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("activity_names").toString()).isEqualTo("[\"visit+complete\",\"visit+start\"]");
    assertThat(j.get("dfg").toString()).isEqualTo("[[\"visit+start\",\"visit+complete\",1]]");
    assertThat(j.get("max_case_duration_seconds").asDouble()).isEqualTo(1800.0);
  }

  @Test
  void periodKeepsEventsFromInclusiveToExclusive() throws IOException {
    Instant from = Instant.parse("2011-01-01T00:00:00Z");
    Instant to = Instant.parse("2011-01-08T00:00:00Z");
    long inPeriod;
    try (EventLogReader events = EventLogReaders.open(SharedData.path("data/eventlogs/" + "running-example.xes"))) {
      inPeriod = events.stream().filter(e -> !e.timestamp().isBefore(from) && e.timestamp().isBefore(to)).count();
    }
    Run r = run("discover", SharedData.path("data/eventlogs/" + "running-example.xes").toString(), "--json",
        "--from", "2011-01-01", "--to", "2011-01-08T00:00:00+00:00");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode week = new ObjectMapper().readTree(r.out());
    assertThat(week.get("events").asLong()).isEqualTo(inPeriod).isBetween(1L, 41L);
    assertThat(week.get("max_case_duration_seconds").asDouble()).isLessThanOrEqualTo(7 * 86400.0);
    assertThat(run("discover", "x.csv", "--from", "yesterday").err()).contains("ISO-8601");
  }

  @Test
  void badInputIsOneLineNamingFileLineAndField() throws IOException {
    Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, "case:concept:name,concept:name,time:timestamp\nc1,a,not-a-time\n");
    Run r = run("discover", csv.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("wayfinder: " + csv + ":2 [time:timestamp]").doesNotContain("at io.");
    Run unknown = run("discover", csv.toString(), "--classifier", "resource");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).contains("name or name+lifecycle");
  }
}
