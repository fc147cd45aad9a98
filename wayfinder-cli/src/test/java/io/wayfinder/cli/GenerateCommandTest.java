package io.wayfinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wayfinder.core.event.Channels;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TYPES = Set.of("track", "identify", "page", "screen", "alias");

  @TempDir Path dir;

  @Test
  void writesSegmentShapedJsonLinesWithTruthAndJourneys() throws IOException {
    Path out = dir.resolve("events.jsonl");
    assertThat(run("generate", "--customers", "40", "--seed", "5", "--out", out.toString(),
        "--start", "2025-01-01", "--days", "365")).isZero();

    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSizeGreaterThan(40 * 30);
    for (String line : lines) {
      JsonNode m = JSON.readTree(line);
      String type = m.path("type").asText();
      assertThat(TYPES).contains(type);
      assertThat(m.path("messageId").asText()).isNotEmpty();
      assertThat(m.has("userId") || m.has("anonymousId")).isTrue();
      assertThat(m.path("timestamp").asText()).startsWith("2025-").endsWith("Z");
      assertThat(Channels.ALL).contains(m.path("context").path("channel").asText());
      switch (type) {
        case "track" -> assertThat(m.path("event").asText()).isNotEmpty();
        case "page", "screen" -> assertThat(m.path("name").asText()).isNotEmpty();
        case "identify" -> assertThat(m.path("traits").isObject()).isTrue();
        case "alias" -> assertThat(m.path("previousId").asText()).isNotEmpty();
        default -> throw new AssertionError(type);
      }
      if (m.path("event").asText().equals("Order Completed")) {
        assertThat(m.path("properties").path("revenue").asDouble()).isPositive();
      }
    }
    JsonNode truth = JSON.readTree(dir.resolve("events.jsonl.truth.json").toFile());
    assertThat(truth.path("planted").path("callCentreFallback").path("failureRate").asDouble()).isEqualTo(0.30);
    assertThat(truth.path("summary").path("events").asLong()).isEqualTo(lines.size());
    JsonNode journeys = JSON.readTree(dir.resolve("events.jsonl.journeys.json").toFile());
    assertThat(journeys.path("journeys").findValuesAsText("name")).contains("online_order", "home_loan",
        "broadband_move", "support_case");
  }

  @Test
  void sameSeedWritesTheSameFile() throws IOException {
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    run("generate", "--customers", "20", "--seed", "9", "--out", a.toString());
    run("generate", "--customers", "20", "--seed", "9", "--out", b.toString());
    assertThat(Files.mismatch(a, b)).isEqualTo(-1L);
    assertThat(Files.mismatch(dir.resolve("a.jsonl.truth.json"), dir.resolve("b.jsonl.truth.json"))).isEqualTo(-1L);
  }

  @Test
  void endNowMakesTheDataEndToday() throws IOException {
    Path out = dir.resolve("now.jsonl");
    Instant before = Instant.now();
    assertThat(run("generate", "--customers", "40", "--seed", "5", "--out", out.toString(), "--end", "now", "--days", "365")).isZero();
    Instant after = Instant.now();
    List<Instant> times = new java.util.ArrayList<>();
    for (String line : Files.readAllLines(out)) times.add(Instant.parse(JSON.readTree(line).path("timestamp").asText()));
    Instant last = times.stream().max(Instant::compareTo).orElseThrow();
    Instant first = times.stream().min(Instant::compareTo).orElseThrow();
    assertThat(last).isBefore(after).isAfter(before.minus(Duration.ofDays(3)));
    assertThat(first).isAfterOrEqualTo(before.minus(Duration.ofDays(365)).minusSeconds(1));
    JsonNode truth = JSON.readTree(dir.resolve("now.jsonl.truth.json").toFile());
    assertThat(Instant.parse(truth.path("generator").path("end").asText())).isBetween(before.minusMillis(1), after);
  }

  @Test
  void startAndEndTogetherAreAClearError() {
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err));
    assertThat(cl.execute("generate", "--out", dir.resolve("x.jsonl").toString(), "--start", "2025-01-01", "--end", "now")).isEqualTo(1);
    assertThat(err.toString()).contains("give --start or --end, not both");
  }

  @Test
  void aBadStartDateIsAClearError() {
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err));
    int code = cl.execute("generate", "--out", dir.resolve("x.jsonl").toString(), "--start", "01/02/2025");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("--start must be a date like 2024-01-01");
  }

  private static int run(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(new StringWriter()));
    return cl.execute(args);
  }
}
