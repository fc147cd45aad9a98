package io.wayfinder.bench;

import io.wayfinder.core.collect.Source;
import io.wayfinder.core.eventlog.EventLogReader;
import io.wayfinder.core.eventlog.EventLogReaders;
import io.wayfinder.core.journey.funnel.Funnel;
import io.wayfinder.core.journey.funnel.FunnelEngine;
import io.wayfinder.core.journey.funnel.FunnelReport;
import io.wayfinder.store.Database;
import io.wayfinder.store.collect.EventWriter;
import io.wayfinder.store.collect.SegmentMessages;
import io.wayfinder.store.collect.SegmentPayload;
import io.wayfinder.store.journey.JourneyAnalytics;
import io.wayfinder.store.journey.JourneyIndexLoader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Journey queries on a live store, run by {@code bench/live.sh [DIR] [EVENTS] [ROUNDS]} (results
 * in bench/results/journeys.md). The replicated receipt store of {@link JourneyBenchmark} (built in
 * DIR when missing) is copied, so its own event count stays; then each round appends 1,000 events
 * through the event writer, in batches of 100 as the collection API would (new customers,
 * existing ones, anonymous visitors, and sign-ins that merge the previous round's visitors into
 * known customers), and runs the 5-step funnel two ways on the same store:
 * <ul>
 *   <li>before: the log changed, so the index is loaded whole, then the funnel runs (what every
 *       journey query paid before the refresh);
 *   <li>after: {@link JourneyAnalytics#funnel}, which brings its index up to date first.
 * </ul>
 * The two reports must be equal. The order of the two alternates between rounds; the first
 * {@value #WARM_UP} rounds warm the JIT up and are left out of the medians.
 */
public final class LiveJourneyBenchmark {
  private static final Source SOURCE = new Source("src_bench", "bench", "web", "wk_bench", Instant.EPOCH);
  private static final int BATCH = 100;
  private static final int WARM_UP = 2;

  public static void main(String[] args) throws Exception {
    Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("wf-live-bench");
    long target = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
    int rounds = WARM_UP + (args.length > 2 ? Integer.parseInt(args[2]) : 5);
    int baseEvents = 0;
    try (EventLogReader r = EventLogReaders.open(ReceiptStore.LOG)) {
      for (; r.hasNext(); r.next()) baseEvents++;
    }
    int copies = (int) Math.ceil((double) target / baseEvents);
    try (Database db = Database.open(dir.resolve("data"))) {
      ReceiptStore.prepare(db, copies, baseEvents);
    }
    Path live = dir.resolve("live");
    Files.createDirectories(live);
    Files.deleteIfExists(live.resolve(Database.FILE_NAME + ".wal"));
    Files.copy(dir.resolve("data").resolve(Database.FILE_NAME), live.resolve(Database.FILE_NAME), StandardCopyOption.REPLACE_EXISTING);

    Funnel funnel = Funnel.of(ReceiptStore.STEPS.toArray(String[]::new)).withWindow("3650d");
    try (Database db = Database.open(live); EventWriter writer = new EventWriter(db)) {
      JourneyAnalytics analytics = new JourneyAnalytics(db);
      long t0 = System.nanoTime();
      analytics.funnel(funnel);
      System.out.printf(Locale.ROOT, "%,d events; first query (full load + funnel): %.2f s; load average %.1f; %d cores, Java %s%n",
          analytics.dataset().eventCount(), (System.nanoTime() - t0) / 1e9, loadAverage(),
          Runtime.getRuntime().availableProcessors(), Runtime.version());
      List<String> known = knownCustomers(db, rounds * 110);
      System.out.println();
      System.out.println("| round | events after | before: full load + funnel | after: refresh + funnel | speed-up | reports equal |");
      System.out.println("|---:|---:|---:|---:|---:|---|");
      List<Timed> befores = new ArrayList<>();
      List<Timed> afters = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        for (List<String> batch : batches(round, known)) write(writer, batch);
        Timed before = null;
        Timed after = null;
        for (int k = 0; k < 2; k++) {
          System.gc();
          if ((k == 0) == (round % 2 == 1)) after = after(analytics, funnel);
          else before = before(db, funnel);
        }
        System.out.printf(Locale.ROOT, "| %s | %,d | %.2f s (load %.2f + funnel %.2f) | %.0f ms (refresh %.0f + funnel %.0f) | %.0f× | %s |%n",
            round <= WARM_UP ? round + " (warm-up)" : String.valueOf(round), analytics.dataset().eventCount(), before.total() / 1e3, before.update() / 1e3, before.funnel() / 1e3,
            after.total(), after.update(), after.funnel(), before.total() / after.total(), before.report().equals(after.report()));
        if (round > WARM_UP) {
          befores.add(before);
          afters.add(after);
        }
      }
      System.out.printf(Locale.ROOT, "%nmedians of the rounds after warm-up: before %.2f s (load %.2f s); after %.0f ms (refresh %.0f ms, funnel %.0f ms)%n",
          median(befores, Timed::total) / 1e3, median(befores, Timed::update) / 1e3, median(afters, Timed::total),
          median(afters, Timed::update), median(afters, Timed::funnel));
      System.out.printf(Locale.ROOT, "%nload average at the end %.1f; index loads %s%n", loadAverage(), analytics.loads());
    }
  }

  /** Milliseconds to bring the index up to date (a load, or a refresh) and to run the funnel on it. */
  private record Timed(double update, double funnel, FunnelReport report) {
    double total() {
      return update + funnel;
    }
  }

  private static double median(List<Timed> runs, java.util.function.ToDoubleFunction<Timed> f) {
    double[] v = runs.stream().mapToDouble(f).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static Timed before(Database db, Funnel f) {
    long t0 = System.nanoTime();
    var data = new JourneyIndexLoader(db).load(Set.of());
    long t1 = System.nanoTime();
    FunnelReport report = new FunnelEngine(data).run(f);
    return new Timed((t1 - t0) / 1e6, (System.nanoTime() - t1) / 1e6, report);
  }

  private static Timed after(JourneyAnalytics analytics, Funnel f) {
    long t0 = System.nanoTime();
    analytics.dataset();
    long t1 = System.nanoTime();
    FunnelReport report = analytics.funnel(f);
    return new Timed((t1 - t0) / 1e6, (System.nanoTime() - t1) / 1e6, report);
  }

  /**
   * The 1,000 messages of a round: 100 new customers and 88 known ones doing the five steps,
   * 20 anonymous visitors with 2 steps each, and 20 sign-ins (the previous round's visitors
   * joining known customers: merges; in round 1, known customers updating a trait).
   */
  private static List<List<String>> batches(int round, List<String> known) {
    List<String> messages = new ArrayList<>();
    Instant day = Instant.parse("2012-01-01T00:00:00Z").plusSeconds(86_400L * round);
    for (int c = 0; c < 188; c++) {
      String user = c < 100 ? "live-" + round + "-" + c : known.get((round - 1) * 110 + c - 100);
      for (int s = 0; s < ReceiptStore.STEPS.size(); s++) {
        messages.add(message("track", "\"event\":\"" + ReceiptStore.STEPS.get(s) + "\",\"userId\":\"" + user + "\"", day.plusSeconds(60L * (c + s))));
      }
    }
    for (int v = 0; v < 20; v++) {
      for (int s = 0; s < 2; s++) {
        messages.add(message("track", "\"event\":\"" + ReceiptStore.STEPS.get(s) + "\",\"anonymousId\":\"visitor-" + round + "-" + v + "\"",
            day.plusSeconds(3600L + 60L * (v + s))));
      }
      String joins = round == 1 ? "" : ",\"anonymousId\":\"visitor-" + (round - 1) + "-" + v + "\"";
      messages.add(message("identify", "\"userId\":\"" + known.get((round - 1) * 110 + 88 + v) + "\"" + joins
          + ",\"traits\":{\"tier\":\"t" + round + "\"}", day.plusSeconds(7200L + v)));
    }
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < messages.size(); i += BATCH) out.add(messages.subList(i, Math.min(messages.size(), i + BATCH)));
    return out;
  }

  private static String message(String type, String fields, Instant at) {
    return "{\"type\":\"" + type + "\"," + fields + ",\"timestamp\":\"" + at + "\"}";
  }

  private static void write(EventWriter writer, List<String> batch) {
    String body = "{\"batch\":[" + String.join(",", batch) + "]}";
    writer.write(SegmentMessages.convert(SegmentPayload.batch(body.getBytes(StandardCharsets.UTF_8)), null, SOURCE, Instant.now()));
  }

  private static List<String> knownCustomers(Database db, int n) throws Exception {
    List<String> out = new ArrayList<>();
    try (var c = db.connect(); var st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT value FROM identities WHERE kind = 'user_id' ORDER BY value LIMIT " + n)) {
      while (rs.next()) out.add(rs.getString(1));
    }
    if (out.size() < n) throw new IllegalStateException("the store knows " + out.size() + " customers, the rounds need " + n);
    return out;
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
