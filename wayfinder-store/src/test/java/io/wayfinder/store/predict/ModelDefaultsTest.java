package io.wayfinder.store.predict;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wayfinder.core.event.Event;
import io.wayfinder.core.event.EventType;
import io.wayfinder.core.generate.GeneratedCustomer;
import io.wayfinder.core.generate.GeneratorConfig;
import io.wayfinder.core.generate.SyntheticDataGenerator;
import io.wayfinder.store.DataEnd;
import io.wayfinder.store.Database;
import io.wayfinder.store.collect.EventWriter;
import io.wayfinder.store.imports.ImportSpec;
import io.wayfinder.store.imports.Importer;
import io.wayfinder.store.sources.SourceStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The models' default calibration end and as-of come from where the history ends (DataEnd), so
 * one live event sent today into a history that ended long ago changes neither.
 */
class ModelDefaultsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void oneLiveEventTodayMovesNeitherTheClvCalibrationEndNorTheChurnAsOf() throws Exception {
    try (Database db = Database.open(dir.resolve("data"))) {
      importLines(db, generated(500, 3));
      Instant historyEnd = sql(db, "SELECT max(ts) FROM events");
      Outcome clv = new ClvService(db).fit(ClvService.Request.DEFAULT);
      Outcome churn = new ChurnService(db).train(ChurnService.Request.DEFAULT);

      Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
      importLines(db, List.of("{\"type\":\"track\",\"event\":\"Order Completed\",\"userId\":\"cust-0000001\",\"timestamp\":\""
          + now + "\",\"properties\":{\"revenue\":42.5}}"));
      assertThat(sql(db, "SELECT max(ts) FROM events")).isEqualTo(now);
      assertThat(DataEnd.of(db)).isEqualTo(historyEnd);
      // the web pages' "last N days" end there too (GET /api/stats → dataEnd)
      assertThat(io.wayfinder.store.Stats.read(db).dataEnd()).isEqualTo(historyEnd);
      assertThat(io.wayfinder.store.Stats.read(db).lastEvent()).isEqualTo(now);

      Outcome clvAgain = new ClvService(db).fit(ClvService.Request.DEFAULT);
      assertThat(data(clvAgain).get("calibration_end")).isEqualTo(data(clv).get("calibration_end"))
          .isEqualTo(historyEnd.toString().substring(0, 10));
      Outcome churnAgain = new ChurnService(db).train(ChurnService.Request.DEFAULT);
      assertThat(churnAgain.run().metrics().get("validation_cutoff")).isEqualTo(churn.run().metrics().get("validation_cutoff"));
      assertThat(churnAgain.run().windowEnd()).isEqualTo(historyEnd.plusMillis(1));
    }
  }

  @Test
  void aTailOfAPercentOrMoreOfTheEventsIsPartOfTheHistoryDespiteASilence() throws Exception {
    try (Database db = Database.open(dir.resolve("data"))) {
      java.util.List<String> lines = new java.util.ArrayList<>();
      for (int i = 0; i < 198; i++) lines.add(track("u" + i, "2025-01-0" + (1 + i % 9) + "T10:00:00Z"));
      importLines(db, lines);
      importLines(db, List.of(track("late", "2025-03-01T10:00:00Z")));
      // 1 of 199 events (0.5 %) after 50 silent days: left out
      assertThat(DataEnd.of(db)).isEqualTo(Instant.parse("2025-01-09T10:00:00Z"));
      importLines(db, List.of(track("late2", "2025-03-01T11:00:00Z"), track("late3", "2025-03-02T11:00:00Z")));
      // 3 of 201 (1.5 %): part of the history
      assertThat(DataEnd.of(db)).isEqualTo(Instant.parse("2025-03-02T11:00:00Z")).isEqualTo(sql(db, "SELECT max(ts) FROM events"));
    }
  }

  private static String track(String user, String ts) {
    return "{\"type\":\"track\",\"event\":\"Visit\",\"userId\":\"" + user + "\",\"timestamp\":\"" + ts + "\"}";
  }

  @SuppressWarnings("unchecked")
  private static java.util.Map<String, Object> data(Outcome o) {
    return (java.util.Map<String, Object>) o.run().metrics().get("data");
  }

  private static List<String> generated(int customers, long seed) throws IOException {
    SyntheticDataGenerator g = new SyntheticDataGenerator(new GeneratorConfig(customers, seed));
    java.util.List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < customers; i++) {
      GeneratedCustomer c = g.customer(i);
      for (Event e : c.events()) {
        if (e.type() != EventType.TRACK) continue;
        ObjectNode m = JSON.createObjectNode().put("type", "track").put("event", e.name()).put("userId", c.userId())
            .put("timestamp", e.timestamp().toString());
        m.set("properties", JSON.valueToTree(e.properties()));
        m.putObject("context").put("channel", e.channel());
        out.add(JSON.writeValueAsString(m));
      }
    }
    return out;
  }

  private void importLines(Database db, List<String> lines) throws IOException {
    Path file = Files.createTempFile(dir, "events", ".jsonl");
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      for (String l : lines) {
        w.write(l);
        w.newLine();
      }
    }
    try (EventWriter writer = new EventWriter(db)) {
      ImportSpec spec = new ImportSpec(null, ImportSpec.defaults().mapping(), null, "test", "web", false, null);
      new Importer(writer, new SourceStore(db)).run(file, spec, n -> {});
    }
  }

  private static Instant sql(Database db, String query) throws Exception {
    try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
      rs.next();
      return rs.getObject(1, OffsetDateTime.class).toInstant();
    }
  }
}
