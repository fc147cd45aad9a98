package io.wayfinder.store.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wayfinder.core.eventlog.EventLogException;
import io.wayfinder.core.collect.CollectedMessage;
import io.wayfinder.core.eventlog.ImportLimits;
import io.wayfinder.store.StoreException;
import io.wayfinder.store.collect.SegmentMessages;
import io.wayfinder.store.collect.SegmentPayload;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import io.wayfinder.store.Database;
import io.wayfinder.store.collect.EventWriter;
import io.wayfinder.store.sources.SourceStore;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One bad file fails alone, with a 400-style message naming its line, and never holds the writer:
 * whatever happens to an import's reader, the event writer goes on writing collected events.
 */
@Timeout(60)
class ImportHardeningTest {
  static final String HEADER = "case:concept:name,concept:name,time:timestamp\n";
  @TempDir Path dir;
  Database db;
  EventWriter writer;
  Importer importer;

  @BeforeEach
  void open() {
    db = Database.open(dir.resolve("data"));
    writer = new EventWriter(db);
    importer = new Importer(writer, new SourceStore(db));
  }

  @AfterEach
  void close() {
    writer.close();
    db.close();
  }

  long storedEvents() throws Exception {
    try (var c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM events")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private EventLogException failure(Path file, ImportSpec spec) {
    try {
      importer.run(file, spec, n -> {});
    } catch (EventLogException e) {
      return e;
    }
    throw new AssertionError("the import of " + file + " did not fail");
  }

  @Test
  void aBrokenXesDocumentEndsASkippingImportAtItsLineWithBoundedRejects() throws Exception {
    Path xes = Files.writeString(dir.resolve("broken.xes"), "<log><trace><string key=\"concept:name\" value=\"c1\"/>\n"
        + "<event><string key=\"concept:name\" value=\"A\"/><date key=\"time:timestamp\" value=\"2024-01-01T10:00:00Z\"/></event>\n"
        + "<event><string key=\"concept:name\" value=\"b\n"
        + "<date key=\"time:timestamp\" value=\"2024-01-01T11:00:00Z\"/></event></trace></log>\n");
    Path rejects = dir.resolve("rejects.csv");
    EventLogException e = failure(xes, ImportSpec.defaults().skippingBadRows(rejects));
    assertThat(e.getMessage()).startsWith(xes + ":4: malformed XES: ");
    assertThat(Files.size(rejects)).isLessThan(1_000);
    assertThat(storedEvents()).isZero();
    // the writer is free: a later import lands
    assertThat(importer.run(SharedData.path("eventlogs/running-example.csv"), ImportSpec.defaults(), n -> {}).imported()).isEqualTo(42);
    assertThat(storedEvents()).isEqualTo(42);
  }

  @Test
  void aGzippedLineOverTheLimitFailsAtOnceAndStoresNothing() throws Exception {
    // a few KB that inflate to one 8 MB line: the reader stops at the 1 MiB limit instead of holding it all
    Path gz = dir.resolve("bomb.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write("{\"type\":\"track\",\"event\":\"A\",\"userId\":\"u1\"}\n{\"type\":\"track\",\"event\":\"".getBytes(StandardCharsets.UTF_8));
      byte[] block = new byte[1 << 16];
      Arrays.fill(block, (byte) 'a');
      for (int i = 0; i < 128; i++) out.write(block);
    }
    assertThat(Files.size(gz)).isLessThan(100_000);
    for (ImportSpec spec : new ImportSpec[] {ImportSpec.defaults(), ImportSpec.defaults().skippingBadRows(null)}) {
      EventLogException e = failure(gz, spec);
      assertThat(e.getMessage()).isEqualTo(gz + ":2: line longer than 1048576 bytes (the limit is set by WAYFINDER_IMPORT_MAX_LINE_BYTES)");
    }
    assertThat(storedEvents()).isZero();
  }

  @Test
  void anXesAttributeOverTheLimitFailsTheImport() throws Exception {
    Path xes = Files.writeString(dir.resolve("huge.xes"), "<log><trace><string key=\"concept:name\" value=\"c1\"/>\n"
        + "<event><string key=\"concept:name\" value=\"" + "z".repeat(2 << 20) + "\"/></event></trace></log>\n");
    assertThat(failure(xes, ImportSpec.defaults().skippingBadRows(null)).getMessage())
        .isEqualTo(xes + ":2: an XML tag or text longer than 1048576 bytes, such as an attribute value that long "
            + "(the limit is set by WAYFINDER_IMPORT_MAX_ATTRIBUTE_BYTES)");
    assertThat(storedEvents()).isZero();
  }

  @Test
  void aBadByteFarIntoALineIsReportedAtItsColumnInCsvAndJsonl() throws Exception {
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    csv.writeBytes((HEADER + "c1,Order,2025-01-01T10:00:00Z\nc2,Order,2025-01-01T11:00:00Z," + "x".repeat(180)).getBytes(StandardCharsets.UTF_8));
    csv.write(0xE9);
    csv.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
    Path c = Files.write(dir.resolve("far.csv"), csv.toByteArray());
    assertThat(failure(c, ImportSpec.defaults()).getMessage()).isEqualTo(c + ":3: not UTF-8 text (byte 0xE9 at column 211)");
    ByteArrayOutputStream jsonl = new ByteArrayOutputStream();
    jsonl.writeBytes(("{\"type\":\"track\",\"event\":\"A\",\"userId\":\"u1\",\"properties\":{\"note\":\"" + "y".repeat(150)).getBytes(StandardCharsets.UTF_8));
    jsonl.write(0xE9);
    jsonl.writeBytes("\"}}\n".getBytes(StandardCharsets.UTF_8));
    Path j = Files.write(dir.resolve("far.jsonl"), jsonl.toByteArray());
    assertThat(failure(j, ImportSpec.defaults()).getMessage()).isEqualTo(j + ":1: not UTF-8 text (byte 0xE9 at column 215)");
    assertThat(storedEvents()).isZero();
  }

  @Test
  void aTruncatedJsonlGzFailsAsAnUnreadableFile() throws Exception {
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(whole)) {
      for (int i = 0; i < 2_000; i++) {
        out.write(("{\"type\":\"track\",\"event\":\"E" + i + "\",\"userId\":\"u" + i + "\"}\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] bytes = whole.toByteArray();
    Path gz = Files.write(dir.resolve("cut.jsonl.gz"), Arrays.copyOf(bytes, bytes.length / 2));
    for (ImportSpec spec : new ImportSpec[] {ImportSpec.defaults(), ImportSpec.defaults().skippingBadRows(null)}) {
      EventLogException e = failure(gz, spec);
      assertThat(e.fatal()).isTrue();
      assertThat(e.reason()).isEqualTo("cannot read further, the file is truncated or corrupt (Unexpected end of ZLIB input stream)");
    }
    assertThat(storedEvents()).isZero();
  }

  @Test
  void csvColumnsNamedRowidOrWfTsAreOrdinaryColumns() throws Exception {
    Path csv = Files.writeString(dir.resolve("reserved.csv"), "rowid,case:concept:name,concept:name,time:timestamp,__wf_ts\n"
        + "7,c1,Order,2025-01-01T10:00:00Z,x\n9,c2,Pay,2025-01-02T10:00:00Z,y\n");
    assertThat(importer.run(csv, ImportSpec.defaults(), n -> {}).imported()).isEqualTo(2);
    try (var c = db.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT user_id, name, properties->>'rowid', properties->>'__wf_ts', ts FROM events ORDER BY user_id")) {
      rs.next();
      assertThat(rs.getString(1) + rs.getString(2) + rs.getString(3) + rs.getString(4)).isEqualTo("c1Order7x");
      rs.next();
      assertThat(rs.getString(1) + rs.getString(2) + rs.getString(3) + rs.getString(4)).isEqualTo("c2Pay9y");
    }
  }

  @Test
  void aNulInACsvHeaderIsRefusedNamingTheColumn() throws Exception {
    Path csv = Files.writeString(dir.resolve("nul.csv"), "case:concept:name,concept:name,time:timestamp,no\0te\nc1,Order,2025-01-01T10:00:00Z,x\n");
    assertThat(failure(csv, ImportSpec.defaults()).getMessage()).startsWith(csv + ":1: ");
    assertThat(storedEvents()).isZero();
  }

  @Test
  void csvTimesOutsideTheStoredRangeAreBadRows() throws Exception {
    Path csv = Files.writeString(dir.resolve("years.csv"), HEADER + "c1,A,0001-01-01T00:00:00Z\nc1,B,1200-06-01T00:00:00Z\n"
        + "c1,C,9999-12-31T23:59:59Z\nc1,D,1970-01-01T00:00:00Z\nc1,E,2020-01-01T00:00:00Z\nc1,F,2200-01-01T00:00:00Z\n");
    assertThat(failure(csv, ImportSpec.defaults()).getMessage())
        .startsWith(csv + ":2 [time:timestamp]: '0001-01-01T00:00:00Z' is out of range: stored timestamps are between 1970-01-01 and ");
    ImportResult r = importer.run(csv, ImportSpec.defaults().skippingBadRows(null), n -> {});
    assertThat(r.rejects()).extracting(ImportResult.Reject::line).containsExactly(2L, 3L, 4L, 7L);
    assertThat(r.imported()).isEqualTo(2);
    try (var c = db.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*), min(ts) >= TIMESTAMPTZ '1970-01-01 00:00:00+00' FROM events")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(2);
      assertThat(rs.getBoolean(2)).isTrue();
    }
  }

  static List<CollectedMessage> track(String user) {
    return SegmentMessages.convert(SegmentPayload.batch(("{\"batch\":[{\"type\":\"track\",\"event\":\"Call\",\"userId\":\""
        + user + "\"}]}").getBytes(StandardCharsets.UTF_8)), null, null, Instant.now());
  }

  private static Thread reader(ChunkPipe pipe, java.util.function.Supplier<List<CollectedMessage>> rows) {
    Thread t = new Thread(() -> pipe.produce(rows), "test-import-reader");
    t.setDaemon(true);
    t.start();
    return t;
  }

  @Test
  void anErrorInTheReaderFailsTheImportAndFreesTheWriter() {
    ChunkPipe pipe = new ChunkPipe(4, Duration.ofSeconds(5));
    int[] calls = {0};
    reader(pipe, () -> {
      if (calls[0]++ == 0) return track("imported");
      throw new OutOfMemoryError("Java heap space");
    });
    assertThatThrownBy(() -> writer.writeAll(pipe)).isInstanceOf(StoreException.class)
        .hasMessage("import failed: reading the file failed: java.lang.OutOfMemoryError: Java heap space");
    assertThat(writer.write(track("collected")).written()).isEqualTo(1);
    assertThat(writer.committedEvents()).isEqualTo(1); // the import's first chunk was rolled back
  }

  @Test
  void aStuckReaderHoldsCollectionNoLongerThanTheStallLimit() throws Exception {
    Duration stall = ImportLimits.current().stall();
    ChunkPipe pipe = new ChunkPipe(4, stall);
    CountDownLatch never = new CountDownLatch(1);
    int[] calls = {0};
    Thread stuck = reader(pipe, () -> {
      if (calls[0]++ == 0) return track("imported");
      try {
        never.await(); // a reader that hangs, as on a dead network disk
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    });
    CompletableFuture<Throwable> imported = CompletableFuture.supplyAsync(() -> {
      try {
        writer.writeAll(pipe);
        return null;
      } catch (RuntimeException e) {
        return e;
      }
    });
    Thread.sleep(300); // the import holds the writer now
    long t0 = System.nanoTime();
    assertThat(writer.submit(track("collected")).get(stall.toMillis() + 5_000, TimeUnit.MILLISECONDS).written()).isEqualTo(1);
    long waitedMs = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf("collection waited %d ms behind a stuck import (stall limit %d ms)%n", waitedMs, stall.toMillis());
    assertThat(waitedMs).isLessThan(stall.toMillis() + 3_000);
    assertThat(imported.get(5, TimeUnit.SECONDS)).isInstanceOf(ImportStalledException.class)
        .hasMessage("the import stalled: no rows were read for " + stall.toSeconds() + " s, so it was stopped to let "
            + "collection go on (the limit is set by WAYFINDER_IMPORT_STALL_SECONDS)");
    assertThat(writer.committedEvents()).isEqualTo(1);
    stuck.join(5_000);
    assertThat(stuck.isAlive()).as("the stuck reader is interrupted and ends").isFalse();
  }
}
