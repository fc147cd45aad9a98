package io.wayfinder.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wayfinder.core.eventlog.EventLogReader;
import io.wayfinder.core.eventlog.EventLogReaders;
import io.wayfinder.core.eventlog.LogEvent;
import io.wayfinder.core.journey.discovery.DirectlyFollows;
import io.wayfinder.core.journey.discovery.DiscoveryEngine;
import io.wayfinder.core.journey.discovery.DiscoveryQuery;
import io.wayfinder.core.journey.discovery.DiscoveryResult;
import io.wayfinder.core.journey.discovery.FunnelResult;
import io.wayfinder.core.journey.index.JourneyIndex;
import io.wayfinder.core.journey.index.JourneyIndexBuilder;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Discovery on ~10 million events: the receipt log replicated k times with new case ids and a
 * shift of k hours, so every count is the reference count times k and every duration figure is
 * the reference one. Run by hand (see bench/discovery.sh); prints a Markdown table.
 *
 * <p>Measures index build from columns (as a store would hand them over), index memory, discovery
 * (DFG + variants + durations), the 5-step reference funnel, and the same DFG (counts, mean and
 * median wait) as a DuckDB window query over the same rows in the same run.
 */
public final class DiscoveryBenchmark {
  private static final long HOUR_MICROS = 3_600_000_000L;
  private static final int RUNS = 5;

  public static void main(String[] args) throws Exception {
    long target = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    Path receipt = eventLogs().resolve("receipt.xes.gz");
    JsonNode expected = new ObjectMapper().readTree(eventLogs().resolve("receipt.xes.gz.expected.json").toFile());

    List<LogEvent> base = new ArrayList<>();
    try (EventLogReader r = EventLogReaders.open(receipt)) {
      r.forEachRemaining(base::add);
    }
    int k = (int) ((target + base.size() - 1) / base.size());
    Columns columns = Columns.replicate(base, k);
    int n = columns.caseOf.length;
    System.out.printf(Locale.ROOT, "receipt x %d = %,d events, %,d cases, %d cores (load average %.1f), Java %s%n",
        k, n, columns.caseNames.length, Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.version());

    long heapBefore = usedHeap();
    long t0 = System.nanoTime();
    JourneyIndex index = JourneyIndexBuilder.fromColumns(columns.caseNames, columns.caseOf,
        columns.activityNames, columns.activityOf, null, null, columns.timeMicros);
    double buildSeconds = (System.nanoTime() - t0) / 1e9;
    long heapAfter = usedHeap();
    double measuredBytes = (double) (heapAfter - heapBefore) / n;
    double estimatedBytes = (double) index.estimatedBytes() / n;

    DiscoveryEngine engine = new DiscoveryEngine(index);
    Timed<DiscoveryResult> discovery = time(() -> engine.discover(DiscoveryQuery.ALL));
    check(discovery.value, expected, k);

    List<String> steps = new ArrayList<>();
    expected.get("funnel").get("steps").forEach(s -> steps.add(s.get(0).asText()));
    Timed<FunnelResult> funnel = time(() -> engine.funnel(DiscoveryQuery.ALL, steps));
    for (int s = 0; s < steps.size(); s++) {
      require(funnel.value.steps().get(s).cases() == expected.get("funnel").get("steps").get(s).get(1).asLong() * k,
          "funnel step " + s);
    }

    DuckDbDfg duck = DuckDbDfg.run(columns, discovery.value);
    double csvRate = readRate(eventLogs().resolve("receipt.csv"));
    double xesRate = readRate(receipt);

    System.out.println();
    System.out.println("| measure | value | target |");
    System.out.println("|---|---:|---:|");
    row("events", String.format(Locale.ROOT, "%,d", n), "");
    row("index build from columns (group + stable time sort)", secs(buildSeconds), "");
    row("index memory, measured heap delta", String.format(Locale.ROOT, "%.1f B/event", measuredBytes), "<= 40");
    row("index memory, estimated (columns + dictionaries)", String.format(Locale.ROOT, "%.1f B/event", estimatedBytes), "<= 40");
    row("discovery: DFG + p50/p90 waits + variants + durations + rework (median of " + RUNS + ")",
        secs(discovery.median), "<= 0.5 s");
    row("funnel, 5 steps (median of " + RUNS + ")", secs(funnel.median), "<= 0.5 s");
    row("reader throughput, receipt.csv (CSV, offsets, 15 columns)", String.format(Locale.ROOT, "%,.0f events/s", csvRate), "");
    row("reader throughput, receipt.xes.gz (gzip + StAX)", String.format(Locale.ROOT, "%,.0f events/s", xesRate), "");
    row("DuckDB Appender load (" + n + " rows)", secs(duck.loadSeconds), "");
    row("DuckDB DFG window query: count, mean, median (median of 3)", secs(duck.querySeconds), "");
    row("DuckDB / Wayfinder discovery", String.format(Locale.ROOT, "%.1fx", duck.querySeconds / discovery.median), "");
    System.out.println();
    System.out.println("All counts equal the reference times " + k + "; durations and waits equal the reference;"
        + " DuckDB's DFG (counts, mean, median) equals Wayfinder's.");
  }

  /** The receipt events as dictionary-encoded columns, replicated with new case ids and shifted k hours. */
  record Columns(String[] caseNames, int[] caseOf, String[] activityNames, int[] activityOf, long[] timeMicros) {
    static Columns replicate(List<LogEvent> base, int k) {
      Map<String, Integer> caseIds = new HashMap<>();
      Map<String, Integer> activityIds = new HashMap<>();
      int m = base.size();
      int[] baseCase = new int[m];
      int[] baseActivity = new int[m];
      long[] baseTime = new long[m];
      for (int i = 0; i < m; i++) {
        LogEvent e = base.get(i);
        baseCase[i] = caseIds.computeIfAbsent(e.caseId(), x -> caseIds.size());
        baseActivity[i] = activityIds.computeIfAbsent(e.activity(), x -> activityIds.size());
        baseTime[i] = JourneyIndexBuilder.micros(e.timestamp());
      }
      String[] baseCaseNames = names(caseIds);
      int cases = baseCaseNames.length;
      String[] caseNames = new String[cases * k];
      int[] caseOf = new int[m * k];
      int[] activityOf = new int[m * k];
      long[] time = new long[m * k];
      for (int r = 0; r < k; r++) {
        for (int c = 0; c < cases; c++) {
          caseNames[r * cases + c] = baseCaseNames[c] + "#" + r;
        }
        for (int i = 0; i < m; i++) {
          int j = r * m + i;
          caseOf[j] = r * cases + baseCase[i];
          activityOf[j] = baseActivity[i];
          time[j] = baseTime[i] + r * HOUR_MICROS;
        }
      }
      return new Columns(caseNames, caseOf, names(activityIds), activityOf, time);
    }

    private static String[] names(Map<String, Integer> ids) {
      String[] names = new String[ids.size()];
      ids.forEach((name, id) -> names[id] = name);
      return names;
    }
  }

  private static void check(DiscoveryResult r, JsonNode x, int k) {
    require(r.cases() == x.get("cases").asLong() * k, "cases");
    require(r.events() == x.get("events").asLong() * k, "events");
    require(r.variantCount() == x.get("variant_count").asInt(), "variant count");
    JsonNode dfg = x.get("dfg");
    JsonNode perf = x.get("dfg_performance_seconds");
    require(r.directlyFollows().size() == dfg.size(), "edges");
    for (int e = 0; e < dfg.size(); e++) {
      DirectlyFollows edge = r.directlyFollows().get(e);
      require(edge.from().equals(dfg.get(e).get(0).asText()) && edge.to().equals(dfg.get(e).get(1).asText())
          && edge.count() == dfg.get(e).get(2).asLong() * k, "edge " + e);
      require(close(edge.meanSeconds(), perf.get(e).get(2).asDouble())
          && close(edge.medianSeconds(), perf.get(e).get(3).asDouble()), "edge wait " + e);
    }
    for (int v = 0; v < x.get("variants_top").size(); v++) {
      JsonNode top = x.get("variants_top").get(v);
      require(r.variants().get(v).joined().equals(top.get(0).asText())
          && r.variants().get(v).count() == top.get(1).asLong() * k, "variant " + v);
    }
    require(close(r.caseDurations().meanSeconds(), x.get("mean_case_duration_seconds").asDouble())
        && close(r.caseDurations().medianSeconds(), x.get("median_case_duration_seconds").asDouble())
        && close(r.caseDurations().minSeconds(), x.get("min_case_duration_seconds").asDouble())
        && close(r.caseDurations().maxSeconds(), x.get("max_case_duration_seconds").asDouble()), "durations");
  }

  /** Events per second read from {@code file}, over 20 warm reads. */
  private static double readRate(Path file) {
    long events = 0;
    long t = 0;
    for (int r = 0; r < 25; r++) {
      long start = System.nanoTime();
      try (EventLogReader reader = EventLogReaders.open(file)) {
        long n = reader.stream().count();
        if (r >= 5) {
          events += n;
          t += System.nanoTime() - start;
        }
      }
    }
    return events / (t / 1e9);
  }

  static boolean close(double a, double b) {
    return Math.abs(a - b) <= 1e-3;
  }

  static void require(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError("benchmark result differs from the reference: " + what);
    }
  }

  record Timed<T>(T value, double median) {}

  private static <T> Timed<T> time(Supplier<T> work) {
    T value = null;
    for (int w = 0; w < 3; w++) {
      value = work.get(); // warm-up: let the JIT compile the loops
    }
    double[] seconds = new double[RUNS];
    for (int r = 0; r < RUNS; r++) {
      long t = System.nanoTime();
      value = work.get();
      seconds[r] = (System.nanoTime() - t) / 1e9;
    }
    Arrays.sort(seconds);
    return new Timed<>(value, seconds[RUNS / 2]);
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc(); // ParallelGC collects fully on request
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  private static void row(String measure, String value, String target) {
    System.out.println("| " + measure + " | " + value + " | " + target + " |");
  }

  private static String secs(double s) {
    return String.format(Locale.ROOT, "%.3f s", s);
  }

  private static Path eventLogs() {
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    return Stream.iterate(start, p -> p != null, Path::getParent)
        .filter(p -> Files.isDirectory(p.resolve("shared")))
        .findFirst()
        .orElseThrow()
        .resolve("shared/data/eventlogs");
  }

  /** The same DFG in DuckDB: lead() over each case ordered by (time, position). */
  record DuckDbDfg(double loadSeconds, double querySeconds) {
    static final String QUERY = """
        SELECT a, b, count(*) AS n, avg(gap) / 1e6 AS mean_s, median(gap) / 1e6 AS median_s
        FROM (SELECT activity AS a,
                     lead(activity) OVER w AS b,
                     lead(ts) OVER w - ts AS gap
              FROM events
              WINDOW w AS (PARTITION BY case_id ORDER BY ts, pos))
        WHERE b IS NOT NULL
        GROUP BY a, b""";

    static DuckDbDfg run(Columns c, DiscoveryResult ours) throws Exception {
      try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
          Statement st = conn.createStatement()) {
        st.execute("CREATE TABLE events (case_id INTEGER, activity SMALLINT, ts BIGINT, pos INTEGER)");
        long t0 = System.nanoTime();
        try (DuckDBAppender app = ((DuckDBConnection) conn).createAppender("main", "events")) {
          for (int i = 0; i < c.caseOf.length; i++) {
            app.beginRow().append(c.caseOf[i]).append((short) c.activityOf[i]).append(c.timeMicros[i]).append(i).endRow();
          }
        }
        double load = (System.nanoTime() - t0) / 1e9;
        double[] seconds = new double[3];
        Map<String, double[]> dfg = new HashMap<>();
        for (int r = 0; r < 3; r++) {
          long t = System.nanoTime();
          dfg.clear();
          try (ResultSet rs = st.executeQuery(QUERY)) {
            while (rs.next()) {
              dfg.put(c.activityNames[rs.getInt(1)] + "\u0000" + c.activityNames[rs.getInt(2)],
                  new double[] {rs.getLong(3), rs.getDouble(4), rs.getDouble(5)});
            }
          }
          seconds[r] = (System.nanoTime() - t) / 1e9;
        }
        require(dfg.size() == ours.directlyFollows().size(), "DuckDB edge count");
        for (DirectlyFollows e : ours.directlyFollows()) {
          double[] d = dfg.get(e.from() + "\u0000" + e.to());
          require(d != null && d[0] == e.count() && close(d[1], e.meanSeconds()) && close(d[2], e.medianSeconds()),
              "DuckDB edge " + e.from() + " -> " + e.to());
        }
        Arrays.sort(seconds);
        return new DuckDbDfg(load, seconds[1]);
      }
    }
  }
}
