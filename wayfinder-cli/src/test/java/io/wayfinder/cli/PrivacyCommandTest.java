package io.wayfinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacyCommandTest {
  @TempDir Path dir;

  @Test
  void exportWritesTheCustomersEventsAndEraseRemovesThem() throws Exception {
    Path csv = dir.resolve("orders.csv");
    Files.writeString(csv, "customer,event,when\nc1,Order,2025-01-01T10:00:00Z\nc1,Return,2025-01-03T10:00:00Z\nc2,Order,2025-01-02T10:00:00Z\n");
    String data = dir.resolve("data").toString();
    assertThat(CliRun.of("import", csv.toString(), "--customer", "customer", "--activity", "event", "--timestamp", "when",
        "--data", data).exit()).isZero();

    Path out = dir.resolve("c1.json");
    CliRun export = CliRun.of("privacy", "export", "c1", "--out", out.toString(), "--data", data);
    assertThat(export.exit()).as(export.err()).isZero();
    JsonNode doc = Json.MAPPER.readTree(out.toFile());
    assertThat(doc.path("tables").path("events").size()).isEqualTo(2);
    assertThat(doc.path("tables").path("events").get(0).path("name").asText()).isEqualTo("Order");
    assertThat(CliRun.of("privacy", "export", "nobody", "--data", data).exit()).isNotZero();

    CliRun erase = CliRun.of("privacy", "erase", "c1", "--data", data);
    assertThat(erase.exit()).as(erase.err()).isZero();
    assertThat(Json.MAPPER.readTree(erase.out()).path("eventsErased").asLong()).isEqualTo(2);
    try (Database db = Database.open(Path.of(data)); var c = db.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE user_id = 'c1'), count(*) FROM events")) {
      rs.next();
      assertThat(rs.getLong(1)).isZero();
      assertThat(rs.getLong(2)).isEqualTo(1);
    }
  }
}
