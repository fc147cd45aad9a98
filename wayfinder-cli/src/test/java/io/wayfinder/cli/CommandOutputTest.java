package io.wayfinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.server.ServerConfig;
import io.wayfinder.server.WayfinderServer;
import io.wayfinder.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the commands print and refuse: no silent empty data directory, re-imports reported as
 * duplicates, profiles listed by who they are, sentiment rows with their text, journey maps
 * indented through a server.
 */
class CommandOutputTest {
  @TempDir Path dir;

  @Test
  void aReadingCommandWithoutADataDirectoryOrServerSaysSoAndCreatesNothing() {
    Path missing = dir.resolve("wayfinder-data");
    CliRun r = CliRun.of("stats", "--data", missing.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("no data directory at " + missing.toAbsolutePath(), "--server URL");
    assertThat(missing).doesNotExist();
    CliRun funnel = CliRun.of("funnel", "--steps", "A,B", "--data", missing.toString());
    assertThat(funnel.err()).contains("no data directory");
    assertThat(missing).doesNotExist();
  }

  @Test
  void reImportingTheSameCsvOrXesStoresNothingNewAndSaysHowManyWereDuplicates() throws Exception {
    Path csv = Files.writeString(dir.resolve("orders.csv"),
        "customer,event,when\nc1,Order,2025-01-01T10:00:00Z\nc2,Order,2025-01-02T10:00:00Z\nc1,Order,2025-01-01T10:00:00Z\n");
    String data = dir.resolve("data").toString();
    String[] csvArgs = {"import", csv.toString(), "--customer", "customer", "--activity", "event", "--timestamp", "when",
        "--data", data};
    CliRun first = CliRun.of(csvArgs);
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("imported 3 events").doesNotContain("duplicates");
    CliRun again = CliRun.of(csvArgs);
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).contains("imported 0 events", "3 rows were stored already (duplicates");
    assertThat(eventCount(data)).isEqualTo(3);
    // a row appended to the file is the only one stored
    Files.writeString(csv, "c3,Order,2025-01-03T10:00:00Z\n", java.nio.file.StandardOpenOption.APPEND);
    JsonNode appended = Json.MAPPER.readTree(CliRun.of(append(csvArgs, "--json")).out());
    assertThat(appended.path("imported").asLong()).isEqualTo(1);
    assertThat(appended.path("duplicates").asLong()).isEqualTo(3);
    assertThat(eventCount(data)).isEqualTo(4);

    String xes = SharedData.path("data/eventlogs/running-example.xes").toString();
    JsonNode x1 = Json.MAPPER.readTree(CliRun.of("import", xes, "--data", data, "--json").out());
    JsonNode x2 = Json.MAPPER.readTree(CliRun.of("import", xes, "--data", data, "--json").out());
    assertThat(x1.path("imported").asLong()).isEqualTo(42);
    assertThat(x2.path("imported").asLong()).isZero();
    assertThat(x2.path("duplicates").asLong()).isEqualTo(42);
    assertThat(eventCount(data)).isEqualTo(46);
  }

  @Test
  void profilesListShowsUserIdsAndEmailsAndSentimentRowsShowTheirText() throws Exception {
    Path jsonl = Files.writeString(dir.resolve("events.jsonl"), """
        {"type":"identify","userId":"ann-1","timestamp":"2025-01-01T10:00:00Z","traits":{"email":"ann@example.com","name":"Ann Lee"}}
        {"type":"track","event":"Visit","userId":"ann-1","timestamp":"2025-01-01T10:01:00Z"}
        {"type":"track","event":"Visit","userId":"bob-2","timestamp":"2025-01-01T10:02:00Z"}
        """);
    String data = dir.resolve("data").toString();
    assertThat(CliRun.of("import", jsonl.toString(), "--data", data).exit()).isZero();
    CliRun list = CliRun.of("profiles", "list", "--data", data);
    assertThat(list.exit()).as(list.err()).isZero();
    String[] lines = list.out().strip().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[1]).contains("ann-1", "ann@example.com", "Ann Lee");
    assertThat(lines[2]).contains("bob-2");

    String longText = "The delivery was great and the driver was friendly, " + "really ".repeat(20) + "happy";
    Path tsv = Files.writeString(dir.resolve("texts.tsv"), "Awful service, never again\n" + longText + "\n");
    java.io.StringWriter out = new java.io.StringWriter();
    picocli.CommandLine cl = Main.commandLine();
    cl.setOut(new java.io.PrintWriter(out));
    assertThat(cl.execute("sentiment", tsv.toString(), "--text-column", "1")).isZero();
    String[] rows = out.toString().strip().split("\n");
    assertThat(rows[0].split("\t")).containsExactly("1", rows[0].split("\t")[1], "negative", "Awful service, never again");
    String shown = rows[1].split("\t")[3];
    assertThat(shown).hasSize(SentimentCommand.TEXT_WIDTH).endsWith("…").startsWith("The delivery was great");
  }

  @Test
  void aJourneyMapFromAServerIsIndentedWithoutAskingForAFormat() throws Exception {
    WayfinderServer server = WayfinderServer.start(new ServerConfig("127.0.0.1", 0, dir.resolve("served"), "map-token"));
    try {
      String url = "http://127.0.0.1:" + server.port();
      Path csv = Files.writeString(dir.resolve("o.csv"), "customer,event,when\nc1,Product,2025-01-01T10:00:00Z\n"
          + "c1,Order Completed,2025-01-01T10:05:00Z\n");
      Path journey = Files.writeString(dir.resolve("order.yaml"), """
          id: order
          name: Order
          stages:
            - name: Request
              touchpoints:
                - event: Product
                - event: Order Completed
          entryEvent: Product
          goalEvent: Order Completed
          abandonAfter: 7d
          """);
      assertThat(CliRun.of("import", csv.toString(), "--customer", "customer", "--activity", "event", "--timestamp", "when",
          "--server", url, "--token", "map-token").exit()).isZero();
      CliRun load = CliRun.of("journeys", "load", journey.toString(), "--server", url, "--token", "map-token");
      assertThat(load.exit()).as(load.err()).isZero();
      CliRun map = CliRun.of("journeys", "map", "order", "--server", url, "--token", "map-token");
      assertThat(map.exit()).as(map.err()).isZero();
      assertThat(map.out()).startsWith("{\n  \"");
      assertThat(Json.MAPPER.readTree(map.out()).path("journey").isMissingNode()).isFalse();
    } finally {
      server.close();
    }
  }

  private static String[] append(String[] args, String extra) {
    String[] out = java.util.Arrays.copyOf(args, args.length + 1);
    out[args.length] = extra;
    return out;
  }

  /** Independent count, straight from DuckDB (the command has closed the data directory). */
  private static long eventCount(String data) throws Exception {
    try (Database db = Database.open(Path.of(data)); Connection c = db.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM events")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
