package io.wayfinder.bench;

import io.wayfinder.core.predict.clv.model.BgNbd;
import io.wayfinder.core.predict.clv.model.FrequencyData;
import io.wayfinder.core.predict.clv.model.GammaGamma;
import io.wayfinder.core.predict.clv.model.ModelFit;
import io.wayfinder.core.predict.clv.model.ModelKind;
import io.wayfinder.core.predict.clv.model.Simulator;
import io.wayfinder.core.predict.clv.model.SpendData;
import io.wayfinder.core.predict.clv.summary.CohortSummary;
import io.wayfinder.core.predict.clv.summary.PurchaseFileReader;
import io.wayfinder.core.predict.clv.summary.SummaryBuilder;
import io.wayfinder.core.predict.clv.summary.TimeScale;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Fit times of the CLV models, run by hand ({@code bench/clv.sh}): on the CDNOW 2,357-customer
 * cohort (the 2-decimal summary lifetimes was timed on) and on a million customers drawn from the
 * BG/NBD fitted to it. Prints a Markdown report.
 *
 * <p>Arguments: {@code [path to shared/data/cdnow] [synthetic customers, default 1000000]
 * [repeats, default 9]}.
 */
public final class ClvBenchmark {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();

  /** lifetimes 0.11.3 on this machine (reference-values.json, fit_time_s.min_s / median_s). */
  private static final double[][] LIFETIMES = {{0.0719, 0.0732}, {0.0675, 0.0795}, {0.395, 0.523}, {0.0357, 0.0366}};
  private static final double LIFETIMES_PARETO_TIGHT = 2.31;

  private ClvBenchmark() {}

  record Timing(double firstWall, double medianWall, double minWall, double medianCpu, int evaluations) {}

  static <T extends ModelFit<?>> Timing time(Supplier<T> fit, int repeats) {
    long t0 = System.nanoTime();
    T first = fit.get();
    double firstWall = (System.nanoTime() - t0) / 1e9;
    double[] wall = new double[repeats];
    double[] cpu = new double[repeats];
    for (int i = 0; i < repeats; i++) {
      long c = THREADS.getCurrentThreadCpuTime();
      long w = System.nanoTime();
      fit.get();
      wall[i] = (System.nanoTime() - w) / 1e9;
      cpu[i] = (THREADS.getCurrentThreadCpuTime() - c) / 1e9;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    return new Timing(firstWall, wall[repeats / 2], wall[0], cpu[repeats / 2], first.evaluations());
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/cdnow");
    int synthetic = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 9;
    LocalDate cal = LocalDate.of(1997, 9, 30);
    StringBuilder md = new StringBuilder();
    md.append(String.format(Locale.ROOT, "Java %s, %d processors, load average at start %.2f%n%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), OS.getSystemLoadAverage()));

    // 1. the CDNOW cohort, 2-decimal summary (what lifetimes was timed on), from the raw log
    SummaryBuilder b = SummaryBuilder.calibrationEnd(cal).roundTo(2);
    PurchaseFileReader.read(dir.resolve("cdnowElog.csv"), PurchaseFileReader.Layout.DEFAULT.withColumns("sampleid", "date", "sales"), b::add);
    CohortSummary cohort = b.build();
    FrequencyData data = cohort.frequencyData();
    SpendData spend = cohort.spendData();
    md.append(String.format(Locale.ROOT, "## CDNOW cohort: %d customers, %d distinct (x, t_x, T) rows, %d repeat buyers%n%n",
        data.customers(), data.size(), spend.customers()));
    md.append("| model | evaluations | first fit in a fresh JVM (s) | median (s) | min (s) | median CPU (s) | lifetimes min / median (s) | speed-up (lifetimes min wall / our median CPU) |\n");
    md.append("|---|---|---|---|---|---|---|---|\n");
    List<ModelKind> kinds = List.of(ModelKind.BGNBD, ModelKind.MBGNBD, ModelKind.PARETONBD, ModelKind.GAMMAGAMMA);
    for (int i = 0; i < kinds.size(); i++) {
      ModelKind k = kinds.get(i);
      Timing t = k == ModelKind.GAMMAGAMMA ? time(() -> GammaGamma.fit(spend), repeats) : time(() -> k.fit(data), repeats);
      md.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.4f | %.4f | %.4f | %.3f / %.3f | %.0fx%s |%n", k.title(), t.evaluations(),
          t.firstWall(), t.medianWall(), t.minWall(), t.medianCpu(), LIFETIMES[i][0], LIFETIMES[i][1], LIFETIMES[i][0] / t.medianCpu(),
          k == ModelKind.PARETONBD ? String.format(Locale.ROOT, " (%.0fx against the tight fit, %.2f s)", LIFETIMES_PARETO_TIGHT / t.medianCpu(), LIFETIMES_PARETO_TIGHT) : ""));
    }

    // 2. synthetic customers drawn from the BG/NBD fitted to CDNOW, at day resolution
    BgNbd truth = BgNbd.fit(data).model();
    GammaGamma amounts = GammaGamma.fit(spend).model();
    long t0 = System.nanoTime();
    SummaryBuilder sb = SummaryBuilder.calibrationEnd(cal);
    long[] purchases = {0};
    new Simulator(42, TimeScale.WEEKS, amounts).bgNbd(truth, synthetic, LocalDate.of(1997, 1, 1), 90, cal, p -> {
      purchases[0]++;
      sb.add(p);
    });
    double simulate = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    CohortSummary big = sb.build();
    double summarise = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    FrequencyData bigData = big.frequencyData();
    SpendData bigSpend = big.spendData();
    double compress = (System.nanoTime() - t0) / 1e9;
    md.append(String.format(Locale.ROOT, "%n## %,d synthetic customers from BG/NBD %s%n%n", synthetic, truth.params()));
    md.append(String.format(Locale.ROOT, "%,d purchases drawn in %.2f s; summarised (merge same-day, split) in %.2f s; "
            + "compressed to %,d distinct (x, t_x, T) rows and %,d (x, zbar) rows in %.2f s.%n%n",
        purchases[0], simulate, summarise, bigData.size(), bigSpend.size(), compress));
    md.append("| model | evaluations | fit (s) | CPU of the calling thread (s) | log-likelihood | estimates |\n|---|---|---|---|---|---|\n");
    for (ModelKind k : kinds) {
      long c = THREADS.getCurrentThreadCpuTime();
      long w = System.nanoTime();
      ModelFit<?> fit = k == ModelKind.GAMMAGAMMA ? GammaGamma.fit(bigSpend) : k.fit(bigData);
      double wall = (System.nanoTime() - w) / 1e9;
      double cpu = (THREADS.getCurrentThreadCpuTime() - c) / 1e9;
      md.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.1f | %s |%n", k.title(), fit.evaluations(), wall, cpu,
          fit.logLikelihood(), fit.params()));
    }
    md.append(String.format(Locale.ROOT, "%nLoad average at the end %.2f.%n", OS.getSystemLoadAverage()));
    System.out.print(md);
    if (args.length > 3) Files.writeString(Path.of(args[3]), md);
  }
}
