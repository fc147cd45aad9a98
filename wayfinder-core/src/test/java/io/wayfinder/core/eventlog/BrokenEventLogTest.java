package io.wayfinder.core.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken documents end reading for good; bad rows fail alone; every reader keeps to the stored time range. */
class BrokenEventLogTest {
  @TempDir Path dir;

  static final String HEAD = "<log><trace><string key=\"concept:name\" value=\"c1\"/>\n";

  static String event(String activity, String time) {
    return "<event><string key=\"concept:name\" value=\"" + activity + "\"/><date key=\"time:timestamp\" value=\"" + time
        + "\"/></event>\n";
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  /** Reads every event, collecting row failures as a skipping import would, until the end or a fatal one. */
  private static List<String> readSkipping(EventLogReader r, List<EventLogException> failures) {
    List<String> out = new ArrayList<>();
    while (true) {
      try {
        if (!r.hasNext()) return out;
        out.add(r.next().activity());
      } catch (EventLogException e) {
        failures.add(e);
        if (e.fatal()) return out;
        if (failures.size() > 10) throw new AssertionError("the reader repeats its failure: " + failures);
      }
    }
  }

  @Test
  void anUnterminatedAttributeEndsTheXesDocumentForGood() throws IOException {
    Path xes = write("broken.xes", HEAD + event("A", "2024-01-01T10:00:00Z")
        + "<event><string key=\"concept:name\" value=\"b\n<date key=\"time:timestamp\" value=\"2024-01-01T11:00:00Z\"/></event>\n"
        + event("C", "2024-01-01T12:00:00Z") + "</trace></log>\n");
    try (EventLogReader r = EventLogReaders.open(xes)) {
      assertThat(r.next().activity()).isEqualTo("A");
      assertThatThrownBy(r::hasNext).isInstanceOfSatisfying(EventLogException.class, e -> {
        assertThat(e.fatal()).isTrue();
        // the line the parser found the '<' that cannot be inside an attribute value
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.reason()).startsWith("malformed XES: ");
      });
      // asked again, the same error: the parser is never re-entered
      EventLogException again = org.junit.jupiter.api.Assertions.assertThrows(EventLogException.class, r::hasNext);
      assertThat(again.fatal()).isTrue();
      assertThat(again.line()).isEqualTo(4);
    }
  }

  @Test
  void anEventWithABadAttributeFailsAloneAndTheNextEventsStillCount() throws IOException {
    Path xes = write("rows.xes", HEAD + event("A", "2024-01-01T10:00:00Z")
        + "<event><string key=\"concept:name\"/><date key=\"time:timestamp\" value=\"2024-01-01T11:00:00Z\"/></event>\n"
        + event("B", "not a time") + event("C", "2024-01-01T12:00:00Z") + "</trace></log>\n");
    List<EventLogException> failures = new ArrayList<>();
    try (EventLogReader r = EventLogReaders.open(xes)) {
      assertThat(readSkipping(r, failures)).containsExactly("A", "C");
    }
    assertThat(failures).extracting(EventLogException::line).containsExactly(3L, 4L);
    assertThat(failures).noneMatch(EventLogException::fatal);
  }

  @Test
  void anXesAttributeOverTheLimitFailsAtItsLine() throws IOException {
    Path xes = write("huge.xes", HEAD + event("A", "2024-01-01T10:00:00Z")
        + "<event><string key=\"note\"\n value=\"" + "z".repeat(5_000) + "\"/></event></trace></log>\n");
    // the parser reads ahead, so the failure may come before the events just above it: fatal all the same
    List<EventLogException> failures = new ArrayList<>();
    try (EventLogReader r = EventLogReaders.open(xes, ColumnMapping.DEFAULT,
        new ImportLimits(1 << 20, 1_000, java.time.Duration.ofSeconds(5)))) {
      readSkipping(r, failures);
    }
    assertThat(failures).singleElement().satisfies(e -> {
      assertThat(e.fatal()).isTrue();
      assertThat(e.getMessage()).isEqualTo(xes + ":3: an XML tag or text longer than 1000 bytes, such as an attribute "
          + "value that long (the limit is set by WAYFINDER_IMPORT_MAX_ATTRIBUTE_BYTES)");
    });
  }

  @Test
  void yearsOutsideTheStoredRangeAreBadRowsInXesAndCsv() throws IOException {
    String[] times = {"0001-01-01T00:00:00Z", "1200-06-01T00:00:00Z", "9999-12-31T23:59:59Z", "1969-12-31T23:59:59Z", "2200-01-01T00:00:00Z"};
    StringBuilder x = new StringBuilder(HEAD);
    StringBuilder c = new StringBuilder("case:concept:name,concept:name,time:timestamp\n");
    for (String t : times) {
      x.append(event("Old", t));
      c.append("c1,Old,").append(t).append('\n');
    }
    x.append(event("Ok", "1970-01-01T00:00:00Z")).append("</trace></log>\n");
    c.append("c1,Ok,2020-01-01T00:00:00Z\n");
    for (Path p : List.of(write("years.xes", x.toString()), write("years.csv", c.toString()))) {
      List<EventLogException> failures = new ArrayList<>();
      try (EventLogReader r = EventLogReaders.open(p)) {
        assertThat(readSkipping(r, failures)).as(p.toString()).containsExactly("Ok");
      }
      // one range with /v1: 1970-01-01 up to a day after the server's clock
      assertThat(failures).extracting(f -> f.reason().replaceFirst(": stored timestamps are between 1970-01-01 and .*", ""))
          .containsExactly("'0001-01-01T00:00:00Z' is out of range", "'1200-06-01T00:00:00Z' is out of range",
              "'9999-12-31T23:59:59Z' is out of range", "'1969-12-31T23:59:59Z' is out of range", "'2200-01-01T00:00:00Z' is out of range");
    }
  }
}
