package io.wayfinder.bench;

import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.discovery.DiscoveryEngine;
import io.wayfinder.core.journey.discovery.DiscoveryQuery;
import io.wayfinder.core.journey.funnel.Funnel;
import io.wayfinder.core.journey.funnel.FunnelEngine;
import io.wayfinder.core.journey.funnel.FunnelReport;
import io.wayfinder.core.eventlog.EventLogReader;
import io.wayfinder.core.eventlog.EventLogReaders;
import io.wayfinder.core.eventlog.LogEvent;
import io.wayfinder.core.journey.dataset.JourneyDatasetBuilder;
import io.wayfinder.store.Database;
import io.wayfinder.store.journey.JourneyIndexLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Journey benchmark, run by hand (results in bench/results/journeys.md):
 * <pre>
 * mvn -B -q -DskipTests package &amp;&amp; mvn -B -q -pl wayfinder-cli -am test-compile
 * java -Xmx6g -cp wayfinder-cli/target/wayfinder.jar:wayfinder-cli/target/test-classes io.wayfinder.bench.JourneyBenchmark [DIR] [EVENTS]
 * </pre>
 * Imports the receipt log into a fresh store, replicates it in SQL to about 10 million events
 * (copy k gets new case ids and a shift of k hours, so every count is k times the original),
 * then times the store → index load (3 runs) and a 5-step funnel (median of 9 runs after 3
 * warm-ups), and checks the funnel's counts against k × those of the original log read from the
 * file. An existing DIR holding the replicated log is reused.
 */
public final class JourneyBenchmark {
  private static final List<String> STEPS = ReceiptStore.STEPS;

  public static void main(String[] args) throws Exception {
    Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("wf-journey-bench");
    long target = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
    Funnel funnel = Funnel.of(STEPS.toArray(String[]::new)).withWindow("3650d");
    JourneyDatasetBuilder original = new JourneyDatasetBuilder(java.util.Set.of());
    int baseEvents = 0;
    try (EventLogReader r = EventLogReaders.open(ReceiptStore.LOG)) {
      while (r.hasNext()) {
        LogEvent e = r.next();
        original.add(e.caseId(), e.activity(), null, e.timestamp(), null);
        baseEvents++;
      }
    }
    FunnelReport baseReport = new FunnelEngine(original.build()).run(funnel);
    int copies = (int) Math.ceil((double) target / baseEvents);
    try (Database db = Database.open(dir.resolve("data"))) {
      ReceiptStore.prepare(db, copies, baseEvents);
      double[] loads = new double[3];
      double[] loadCpu = new double[3];
      JourneyDataset data = null;
      for (int r = 0; r < loads.length; r++) {
        data = null;
        System.gc();
        long start = System.nanoTime();
        long cpu0 = processCpuNanos();
        data = new JourneyIndexLoader(db).load(java.util.Set.of());
        loads[r] = (System.nanoTime() - start) / 1e9;
        loadCpu[r] = (processCpuNanos() - cpu0) / 1e9;
      }
      System.out.printf("load average %.1f%n", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      // process CPU: the load runs on several threads (and DuckDB's own), so no one thread's time tells its cost
      System.out.printf("store → index: %,d events, %,d cases; load %s s wall, %s s process CPU, index %.1f bytes/event (dataset columns +16)%n",
          data.eventCount(), data.caseCount(), Arrays.toString(loads), Arrays.toString(loadCpu),
          (double) data.index().estimatedBytes() / data.eventCount());
      FunnelEngine engine = new FunnelEngine(data);
      double[] runs = new double[12];
      double[] cpu = new double[12];
      double[] processCpu = new double[12];
      var threads = java.lang.management.ManagementFactory.getThreadMXBean();
      FunnelReport report = null;
      for (int r = 0; r < runs.length; r++) {
        long start = System.nanoTime();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long process0 = processCpuNanos();
        report = engine.run(funnel);
        cpu[r] = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6;
        processCpu[r] = (processCpuNanos() - process0) / 1e6;
        runs[r] = (System.nanoTime() - start) / 1e6;
      }
      double[] timed = Arrays.copyOfRange(runs, 3, runs.length);
      double[] cpuTimed = Arrays.copyOfRange(cpu, 3, cpu.length);
      Arrays.sort(timed);
      double[] processTimed = Arrays.copyOfRange(processCpu, 3, processCpu.length);
      Arrays.sort(cpuTimed);
      Arrays.sort(processTimed);
      // on a shared machine CPU time shows the cost without the wait for a core: the calling
      // thread's, and the whole process's (the funnel runs chunks on the common pool too)
      System.out.printf("5-step funnel: median %.0f ms wall (min %.0f, max %.0f), %.0f ms calling-thread CPU (min %.0f), "
              + "%.0f ms process CPU (min %.0f)%n",
          timed[timed.length / 2], timed[0], timed[timed.length - 1], cpuTimed[cpuTimed.length / 2], cpuTimed[0],
          processTimed[processTimed.length / 2], processTimed[0]);
      for (int s = 0; s < STEPS.size(); s++) {
        int expected = copies * baseReport.steps().get(s).customers();
        int got = report.steps().get(s).customers();
        System.out.printf("  step %d %-45s %,10d (expected %,d) %s%n", s + 1, STEPS.get(s), got, expected, got == expected ? "ok" : "MISMATCH");
      }
      DiscoveryEngine discovery = new DiscoveryEngine(data.index());
      double[] d = new double[5];
      for (int r = 0; r < d.length; r++) {
        long start = System.nanoTime();
        discovery.discover(DiscoveryQuery.ALL);
        d[r] = (System.nanoTime() - start) / 1e6;
      }
      System.out.printf("discovery (DFG + variants + durations) on the loaded index: %s ms%n", Arrays.toString(d));
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
