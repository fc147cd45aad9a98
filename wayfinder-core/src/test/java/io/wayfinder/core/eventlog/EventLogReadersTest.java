package io.wayfinder.core.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogReadersTest {
  @TempDir Path dir;

  private static List<LogEvent> readAll(Path path, ColumnMapping mapping) {
    try (EventLogReader r = EventLogReaders.open(path, mapping)) {
      return r.stream().collect(Collectors.toList());
    }
  }

  private static List<String> sortedKeys(List<LogEvent> events) {
    return events.stream()
        .map(e -> e.caseId() + "|" + e.activity() + "|" + e.timestamp() + "|" + e.lifecycle())
        .sorted()
        .toList();
  }

  @Test
  void xesEventCarriesCaseActivityInstantAndAttributes() {
    List<LogEvent> events = readAll(SharedData.eventLog("running-example.xes"), ColumnMapping.DEFAULT);
    assertThat(events).hasSize(42);
    LogEvent first = events.get(0);
    assertThat(first.position()).isEqualTo(1);
    assertThat(first.caseId()).isEqualTo("3");
    assertThat(first.activity()).isEqualTo("register request");
    assertThat(first.timestamp()).isEqualTo(Instant.parse("2010-12-30T13:32:00Z"));
    assertThat(first.lifecycle()).isNull();
    assertThat(first.attributes())
        .containsEntry("org:resource", "Pete")
        .containsEntry("Costs", "50")
        .containsEntry("case:creator", "Fluxicon Nitro")
        .doesNotContainKeys("concept:name", "time:timestamp");
    assertThat(events.stream().map(LogEvent::caseId).distinct()).hasSize(6);
  }

  @Test
  void gzippedXesWithNamespaceAndLogMetadataYieldsOnlyTraceEvents() {
    List<LogEvent> events = readAll(SharedData.eventLog("receipt.xes.gz"), ColumnMapping.DEFAULT);
    assertThat(events).hasSize(8577);
    assertThat(events.stream().map(LogEvent::caseId).distinct()).hasSize(1434);
    assertThat(events).allMatch(e -> "complete".equals(e.lifecycle()));
    assertThat(events.get(0).attributes()).containsKey("case:channel");
  }

  @Test
  void csvAndXesCopiesOfALogHoldTheSameEvents() {
    for (String log : List.of("running-example", "receipt")) {
      String xes = log.equals("receipt") ? "receipt.xes.gz" : log + ".xes";
      List<LogEvent> fromXes = readAll(SharedData.eventLog(xes), ColumnMapping.DEFAULT);
      List<LogEvent> fromCsv = readAll(SharedData.eventLog(log + ".csv"), ColumnMapping.DEFAULT);
      assertThat(sortedKeys(fromCsv)).as(log).isEqualTo(sortedKeys(fromXes));
    }
  }

  @Test
  void csvPositionIsTheLineNumberAndUnnamedColumnsAreSkipped() {
    List<LogEvent> events = readAll(SharedData.eventLog("running-example.csv"), ColumnMapping.DEFAULT);
    assertThat(events.get(0).position()).isEqualTo(2);
    assertThat(events.get(41).position()).isEqualTo(43);
    assertThat(events.get(0).attributes()).containsEntry("org:resource", "Pete").doesNotContainKey("");
  }

  @Test
  void csvColumnsCanBeMappedAndDelimiterIsDetected() throws IOException {
    Path csv = dir.resolve("custom.csv");
    Files.writeString(csv, "customer;step;at;channel\nc1;visit;2024-01-01T10:00:00Z;web\nc1;buy;2024-01-01 11:00;\n");
    List<LogEvent> events = readAll(csv, ColumnMapping.of("customer", "step", "at"));
    assertThat(events).extracting(LogEvent::activity).containsExactly("visit", "buy");
    assertThat(events.get(1).timestamp()).isEqualTo(Instant.parse("2024-01-01T11:00:00Z"));
    assertThat(events.get(0).attributes()).containsEntry("channel", "web");
    assertThat(events.get(1).attributes()).isEmpty();
  }

  @Test
  void badTimestampNamesFileLineAndField() throws IOException {
    Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, "case:concept:name,concept:name,time:timestamp\nc1,a,2024-01-01T10:00:00Z\nc1,b,yesterday\n");
    assertThatThrownBy(() -> readAll(csv, ColumnMapping.DEFAULT))
        .isInstanceOfSatisfying(EventLogException.class, e -> {
          assertThat(e.file()).isEqualTo(csv.toString());
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.field()).isEqualTo("time:timestamp");
          assertThat(e.reason()).contains("yesterday");
        });
  }

  @Test
  void missingColumnIsNamed() throws IOException {
    Path csv = dir.resolve("nocase.csv");
    Files.writeString(csv, "id,concept:name,time:timestamp\n1,a,2024-01-01T10:00:00Z\n");
    assertThatThrownBy(() -> readAll(csv, ColumnMapping.DEFAULT))
        .isInstanceOfSatisfying(EventLogException.class, e -> {
          assertThat(e.line()).isEqualTo(1);
          assertThat(e.field()).isEqualTo("case:concept:name");
        });
  }

  @Test
  void xesEventWithoutTimestampIsAnError() throws IOException {
    Path xes = dir.resolve("broken.xes");
    Files.writeString(xes, """
        <log><trace><string key="concept:name" value="c1"/>
        <event><string key="concept:name" value="a"/></event>
        </trace></log>
        """);
    assertThatThrownBy(() -> readAll(xes, ColumnMapping.DEFAULT))
        .isInstanceOfSatisfying(EventLogException.class, e -> {
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.field()).isEqualTo("time:timestamp");
        });
  }

  @Test
  void unknownExtensionIsRefused() {
    assertThatThrownBy(() -> EventLogReaders.open(dir.resolve("log.json")))
        .isInstanceOf(EventLogException.class)
        .hasMessageContaining("unknown event log format");
  }
}
