package io.wayfinder.bench;

import io.wayfinder.core.collect.CollectedMessage;
import io.wayfinder.core.collect.Source;
import io.wayfinder.store.Database;
import io.wayfinder.store.collect.EventWriter;
import io.wayfinder.store.collect.SegmentMessages;
import io.wayfinder.store.collect.SegmentPayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The event writer alone (no HTTP): validated batches of 100 Segment messages, 25 batches per
 * group commit. Run by hand: prints parse and write throughput.
 */
public final class WriterBenchmark {
  public static void main(String[] args) throws Exception {
    int batches = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    Path dir = Files.createTempDirectory("wf-writer-bench");
    Source src = new Source("s", "bench", "web", "k", Instant.now());
    try (Database db = Database.open(dir); EventWriter w = new EventWriter(db)) {
      for (int round = 0; round < 3; round++) {
        long parse = 0;
        long write = 0;
        long events = 0;
        for (int b = 0; b < batches; b += 25) {
          long t0 = System.nanoTime();
          List<CollectedMessage> group = new ArrayList<>();
          for (int k = 0; k < 25; k++) group.addAll(SegmentMessages.convert(SegmentPayload.batch(body(round, b + k)), null, src, Instant.now()));
          long t1 = System.nanoTime();
          w.write(group);
          long t2 = System.nanoTime();
          parse += t1 - t0;
          write += t2 - t1;
          events += group.size();
        }
        System.out.printf("round %d: %,d events; parse %,.0f events/s, write %,.0f events/s%n", round, events,
            events / (parse / 1e9), events / (write / 1e9));
      }
    }
  }

  static byte[] body(int round, int b) {
    StringBuilder s = new StringBuilder("{\"batch\":[");
    for (int i = 0; i < 100; i++) {
      s.append(i == 0 ? "" : ",").append("{\"type\":\"track\",\"event\":\"Product Viewed\",\"userId\":\"user-")
          .append((b * 100 + i) % 50000).append("\",\"messageId\":\"r").append(round).append("-").append(b).append("-").append(i)
          .append("\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"properties\":{\"channel\":\"web\",\"revenue\":12.5,\"sku\":\"SKU-")
          .append(i).append("\"},\"context\":{\"library\":{\"name\":\"bench\"}}}");
    }
    return s.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  private WriterBenchmark() {}
}
