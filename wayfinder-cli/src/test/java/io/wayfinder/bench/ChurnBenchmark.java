package io.wayfinder.bench;

import io.wayfinder.cli.Main;
import io.wayfinder.store.Database;
import io.wayfinder.store.collect.EventWriter;
import io.wayfinder.store.imports.ImportResult;
import io.wayfinder.store.imports.ImportSpec;
import io.wayfinder.store.imports.Importer;
import io.wayfinder.store.predict.ChurnService;
import io.wayfinder.store.predict.ClvService;
import io.wayfinder.store.predict.Outcome;
import io.wayfinder.store.sources.SourceStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Churn train and score (and CLV fit) on generated data imported into a fresh data directory, run
 * by hand ({@code bench/churn.sh}). Arguments: customer counts, default {@code 2000 20000} (2,000 is
 * what {@code serve --demo} loads). Prints a Markdown table.
 */
public final class ChurnBenchmark {
  private ChurnBenchmark() {}

  public static void main(String[] args) throws Exception {
    int[] sizes = args.length == 0 ? new int[] {2000, 20000} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "Java %s, %d processors, load average at start %.2f%n%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    md.append("| customers (seed 42) | events | import (s) | churn train (s) | churn score (s) | holdout AUC | Brier | CLV fit + score (s) |\n");
    md.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int n : sizes) {
      Path dir = Files.createTempDirectory("wf-churn-bench");
      Path events = dir.resolve("events.jsonl");
      int rc = Main.commandLine().execute("generate", "--customers", Integer.toString(n), "--seed", "42", "--out", events.toString());
      if (rc != 0) throw new IllegalStateException("generate failed");
      try (Database db = Database.open(dir.resolve("data"))) {
        ImportResult imported;
        long t = System.nanoTime();
        try (EventWriter writer = new EventWriter(db)) {
          ImportSpec spec = ImportSpec.defaults().withSource("demo", "web");
          imported = new Importer(writer, new SourceStore(db)).run(events, spec, x -> {});
        }
        double importSeconds = (System.nanoTime() - t) / 1e9;
        ChurnService churn = new ChurnService(db);
        double[] train = new double[1];
        Outcome trained = timed(() -> churn.train(ChurnService.Request.DEFAULT), train);
        double[] score = new double[1];
        timed(() -> churn.score(null), score);
        double[] clv = new double[1];
        timed(() -> {
          ClvService s = new ClvService(db);
          s.fit(ClvService.Request.DEFAULT);
          return s.score(null);
        }, clv);
        @SuppressWarnings("unchecked") Map<String, Object> h = (Map<String, Object>) trained.run().metrics().get("holdout");
        md.append(String.format(Locale.ROOT, "| %,d | %,d | %.1f | %.2f | %.2f | %.4f | %.4f | %.2f |%n", n, imported.imported(),
            importSeconds, train[0], score[0], ((Number) h.get("auc")).doubleValue(), ((Number) h.get("brier")).doubleValue(), clv[0]));
      }
      System.err.println(md);
    }
    System.out.print(md);
  }

  private static <T> T timed(Supplier<T> job, double[] seconds) {
    long t = System.nanoTime();
    T out = job.get();
    seconds[0] = (System.nanoTime() - t) / 1e9;
    return out;
  }
}
