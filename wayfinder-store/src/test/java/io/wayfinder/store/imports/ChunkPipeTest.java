package io.wayfinder.store.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wayfinder.core.collect.CollectedMessage;
import io.wayfinder.core.eventlog.ImportLimits;
import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import io.wayfinder.store.collect.EventWriter;
import io.wayfinder.store.collect.SegmentMessages;
import io.wayfinder.store.collect.SegmentPayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Whatever happens to an import's reader, the event writer goes on writing collected events. */
@Timeout(60)
class ChunkPipeTest {
  @TempDir Path dir;
  Database db;
  EventWriter writer;

  @BeforeEach
  void open() {
    db = Database.open(dir.resolve("data"));
    writer = new EventWriter(db);
  }

  @AfterEach
  void close() {
    writer.close();
    db.close();
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
