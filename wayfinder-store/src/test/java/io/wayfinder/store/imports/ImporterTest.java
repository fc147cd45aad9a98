package io.wayfinder.store.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wayfinder.core.eventlog.EventLogException;
import io.wayfinder.store.Database;
import io.wayfinder.store.Stats;
import io.wayfinder.store.collect.EventWriter;
import io.wayfinder.store.sources.SourceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterTest {
  @TempDir Path dir;

  private ImportResult importFile(Path file, ImportSpec spec) {
    try (Database db = Database.open(dir.resolve("data")); EventWriter w = new EventWriter(db)) {
      return new Importer(w, new SourceStore(db)).run(file, spec, n -> {});
    }
  }

  private Stats stats() {
    try (Database db = Database.open(dir.resolve("data"))) {
      return Stats.read(db);
    }
  }

  @Test
  void receiptXesYieldsItsCustomersAndEvents() {
    ImportResult r = importFile(SharedData.path("eventlogs/receipt.xes.gz"), ImportSpec.defaults());
    assertThat(r.customers()).isEqualTo(1434);
    assertThat(r.imported()).isEqualTo(8577);
    Stats s = stats();
    assertThat(s.events()).isEqualTo(8577);
    assertThat(s.profiles()).isEqualTo(1434);
  }

  @Test
  void runningExampleCsvYieldsSixCustomersAnd42Events() {
    ImportResult r = importFile(SharedData.path("eventlogs/running-example.csv"), ImportSpec.defaults());
    assertThat(r.customers()).isEqualTo(6);
    assertThat(r.imported()).isEqualTo(42);
    assertThat(stats().profiles()).isEqualTo(6);
  }

  @Test
  void importingKnownCustomersAgainAddsEventsToTheirProfiles() {
    Path csv = SharedData.path("eventlogs/running-example.csv");
    importFile(csv, ImportSpec.defaults());
    try (Database db = Database.open(dir.resolve("data")); EventWriter w = new EventWriter(db)) {
      // A collected event for customer 3 joins the profile the import created.
      w.write(io.wayfinder.store.collect.SegmentMessages.convert(io.wayfinder.store.collect.SegmentPayload.batch(
          "{\"batch\":[{\"type\":\"track\",\"event\":\"Call\",\"userId\":\"3\"}]}".getBytes()), null, null,
          java.time.Instant.now()));
    }
    // Other events of the same customers (one more column: other content, so other message ids).
    Path more = dir.resolve("more.csv");
    try {
      java.util.List<String> lines = java.nio.file.Files.readAllLines(csv);
      java.util.List<String> out = new java.util.ArrayList<>();
      for (int i = 0; i < lines.size(); i++) out.add(lines.get(i) + (i == 0 ? ",batch" : ",2"));
      java.nio.file.Files.write(more, out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    ImportResult again = importFile(more, ImportSpec.defaults());
    assertThat(again.newProfiles()).isZero();
    assertThat(again.customers()).isEqualTo(6);
    Stats s = stats();
    assertThat(s.events()).isEqualTo(85);
    assertThat(s.profiles()).isEqualTo(6);
  }

  @Test
  void reImportingTheSameFileStoresNothingAndCountsEveryRowAsADuplicate() {
    for (Path file : java.util.List.of(SharedData.path("eventlogs/running-example.csv"), SharedData.path("eventlogs/running-example.xes"))) {
      ImportResult first = importFile(file, ImportSpec.defaults());
      ImportResult again = importFile(file, ImportSpec.defaults());
      assertThat(again.imported()).as(file.toString()).isZero();
      assertThat(again.duplicates()).as(file.toString()).isEqualTo(first.imported()).isEqualTo(42);
    }
    assertThat(stats().events()).isEqualTo(84);
  }

  @Test
  void eventsCollectedRightAfterABulkImportJoinTheImportedCustomers() {
    try (Database db = Database.open(dir.resolve("data")); EventWriter w = new EventWriter(db)) {
      new Importer(w, new SourceStore(db)).run(SharedData.path("eventlogs/running-example.csv"), ImportSpec.defaults(), n -> {});
      var r = w.write(io.wayfinder.store.collect.SegmentMessages.convert(io.wayfinder.store.collect.SegmentPayload.batch(
          "{\"batch\":[{\"type\":\"track\",\"event\":\"Call\",\"userId\":\"4\"}]}".getBytes()), null, null,
          java.time.Instant.now()));
      assertThat(r.newProfiles()).isZero();
    }
    assertThat(stats().profiles()).isEqualTo(6);
  }

  @Test
  void brokenRowFailsWithItsLineAndStoresNothing() throws Exception {
    Path csv = brokenCsv();
    assertThatThrownBy(() -> importFile(csv, ImportSpec.defaults()))
        .isInstanceOf(EventLogException.class)
        .hasMessageContaining("broken.csv:4")
        .hasMessageContaining("time:timestamp");
    assertThat(stats().events()).isZero();
  }

  @Test
  void skippingBadRowsImportsTheRestAndWritesTheRejectFile() throws Exception {
    Path csv = brokenCsv();
    Path rejects = dir.resolve("rejects.csv");
    ImportResult r = importFile(csv, ImportSpec.defaults().skippingBadRows(rejects));
    assertThat(r.imported()).isEqualTo(4);
    assertThat(r.rejected()).isEqualTo(2);
    List<String> lines = Files.readAllLines(rejects);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).startsWith("4,\"time:timestamp\"");
    assertThat(lines.get(2)).startsWith("6,\"case:concept:name\"");
    assertThat(stats().events()).isEqualTo(4);
  }

  @Test
  void jsonLinesAreValidatedLikeTheCollectionApi() throws Exception {
    Path jsonl = dir.resolve("events.jsonl");
    Files.writeString(jsonl, """
        {"type":"track","event":"Signed Up","userId":"u1","timestamp":"2025-03-01T10:00:00Z","context":{"channel":"app"}}
        {"type":"identify","userId":"u1","traits":{"email":"u1@example.com"}}

        {"type":"track","userId":"u2"}
        """);
    assertThatThrownBy(() -> importFile(jsonl, ImportSpec.defaults()))
        .isInstanceOf(EventLogException.class).hasMessageContaining("events.jsonl:4").hasMessageContaining("event");
    assertThat(stats().events()).isZero();
    ImportResult r = importFile(jsonl, ImportSpec.defaults().skippingBadRows(null));
    assertThat(r.imported()).isEqualTo(2);
    assertThat(r.customers()).isEqualTo(1);
  }

  @Test
  void parquetIsReadWithTheSameMapping() throws Exception {
    Path parquet = dir.resolve("log.parquet");
    try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:"); var st = c.createStatement()) {
      st.execute("COPY (SELECT * FROM read_csv('" + SharedData.path("eventlogs/running-example.csv")
          + "')) TO '" + parquet + "' (FORMAT parquet)");
    }
    ImportResult r = importFile(parquet, ImportSpec.defaults());
    assertThat(r.imported()).isEqualTo(42);
    assertThat(r.customers()).isEqualTo(6);
  }

  private ImportResult importAs(Path file, String name, ImportSettingNames names, ImportSpec spec) {
    try (Database db = Database.open(dir.resolve("data")); EventWriter w = new EventWriter(db)) {
      return new Importer(w, new SourceStore(db), names).run(file, name, spec, n -> {});
    }
  }

  @Test
  void aFileImportedUnderItsClientsNameIsCalledSoInResultsErrorsAndDatabaseMessages() throws Exception {
    Path spooled = Files.createDirectories(dir.resolve("spool/upload-123")).resolve("orders.csv");
    Files.copy(brokenCsv(), spooled);
    assertThatThrownBy(() -> importAs(spooled, "orders.csv", ImportSettingNames.DEFAULT, ImportSpec.defaults()))
        .isInstanceOf(EventLogException.class)
        .hasMessage("orders.csv:4 [time:timestamp]: 'not a time' is not an ISO-8601 timestamp");
    ImportResult r = importAs(spooled, "orders.csv", ImportSettingNames.DEFAULT, ImportSpec.defaults().skippingBadRows(null));
    assertThat(r.file()).isEqualTo("orders.csv");
    Path parquet = Files.writeString(spooled.resolveSibling("events.parquet"), "not parquet at all");
    // DuckDB quotes the path it read in its own message
    assertThatThrownBy(() -> importAs(parquet, "events.parquet", ImportSettingNames.DEFAULT, ImportSpec.defaults()))
        .isInstanceOf(EventLogException.class)
        .hasMessageStartingWith("events.parquet:")
        .hasMessageNotContaining("spool");
  }

  @Test
  void hintsAndSettingErrorsNameTheSettingsAsTheInterfaceInUseSpellsThem() throws Exception {
    Path csv = brokenCsv();
    ImportSpec spec = new ImportSpec(null, io.wayfinder.core.eventlog.ColumnMapping.of("customer", null, null),
        "channel", "bulk-import", "other", false, null);
    ImportSettingNames flags = new ImportSettingNames("--customer", "--activity", "--timestamp", "--format", "--source", "--channel");
    String asParameter = messageOf(() -> importAs(csv, "b.csv", ImportSettingNames.DEFAULT, spec));
    assertThat(asParameter).endsWith("(name it with the case parameter)");
    String asFlag = messageOf(() -> importAs(csv, "b.csv", flags, spec));
    assertThat(asFlag).endsWith("(name it with --customer)");
    assertThat(ImportSettingNames.DEFAULT.reword(asParameter, flags)).isEqualTo(asFlag);

    ImportSpec badSource = ImportSpec.defaults().withSource("bad name!!", "web");
    assertThat(messageOf(() -> importAs(csv, "b.csv", ImportSettingNames.DEFAULT, badSource))).startsWith("source: 1-100 letters");
    assertThat(messageOf(() -> importAs(csv, "b.csv", flags, badSource))).startsWith("--source: 1-100 letters");
    Path unknown = Files.copy(csv, dir.resolve("b.txt"));
    assertThat(messageOf(() -> importAs(unknown, "b.txt", flags, ImportSpec.defaults())))
        .isEqualTo("b.txt: cannot tell the format from the file name; give it with --format (csv, jsonl, xes or parquet)");
  }

  @Test
  void textThatIsNotUtf8IsRefusedAtItsLineRatherThanStoredGarbled() throws Exception {
    Path csv = dir.resolve("latin1.csv");
    Files.write(csv, "case:concept:name,concept:name,time:timestamp\nc1,Order,2025-01-01T10:00:00Z\nc2,Ord\u00e9r,2025-01-01T11:00:00Z\n"
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> importFile(csv, ImportSpec.defaults()))
        .isInstanceOf(EventLogException.class).hasMessage(csv + ":3: not UTF-8 text (byte 0xE9 at column 7)");
    Path jsonl = dir.resolve("latin1.jsonl");
    Files.write(jsonl, "{\"type\":\"track\",\"event\":\"Caf\u00e9\",\"userId\":\"u1\"}\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> importFile(jsonl, ImportSpec.defaults()))
        .isInstanceOf(EventLogException.class).hasMessage(jsonl + ":1: not UTF-8 text (byte 0xE9 at column 29)");
    assertThat(stats().events()).isZero();
  }

  private static String messageOf(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      return e.getMessage();
    }
    throw new AssertionError("no failure");
  }

  private Path brokenCsv() throws Exception {
    Path csv = dir.resolve("broken.csv");
    Files.writeString(csv, """
        case:concept:name,concept:name,time:timestamp,channel
        c1,Register,2024-01-01T10:00:00Z,web
        c1,Check,2024-01-01T11:00:00+01:00,call_centre
        c2,Register,not a time,web
        c2,Decide,2024-01-02T10:00:00Z,store
        ,Register,2024-01-02T10:00:00Z,web
        c3,Register,2024-01-03T10:00:00Z,web
        """);
    return csv;
  }
}
