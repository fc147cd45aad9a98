package io.wayfinder.bench;

import io.wayfinder.cli.SharedData;
import io.wayfinder.core.voc.kpi.Breakdown;
import io.wayfinder.core.voc.kpi.BreakdownEngine;
import io.wayfinder.core.voc.kpi.BreakdownResult;
import io.wayfinder.core.voc.kpi.Dimension;
import io.wayfinder.core.voc.kpi.TrendPeriod;
import io.wayfinder.core.voc.kpi.ResponseTable;
import io.wayfinder.core.voc.kpi.ScoreScale;
import io.wayfinder.core.voc.kpi.SyntheticResponses;
import io.wayfinder.core.voc.sentiment.SentimentAnalyzer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Voice-of-customer benchmark, run by hand (results in bench/results/voc.md):
 * <pre>
 * mvn -B -q -DskipTests package &amp;&amp; mvn -B -q -pl wayfinder-cli -am test-compile
 * taskset -c 0 java -cp wayfinder-cli/target/wayfinder.jar:wayfinder-cli/target/test-classes io.wayfinder.bench.VocBenchmark
 * </pre>
 * Sentiment: the 4,200 tweets of the VADER corpus scored over and over on one thread.
 * KPI: breakdowns over 1,000,000 synthetic responses, median of 15 runs after warm-up.
 */
public final class VocBenchmark {
  private static volatile double sink;

  public static void main(String[] args) throws IOException {
    sentiment();
    breakdowns();
  }

  private static void sentiment() throws IOException {
    List<String> texts = Files.readAllLines(SharedData.path("data/vader/tweets_GroundTruth.txt"), StandardCharsets.UTF_8)
        .stream().map(l -> l.split("\t", 3)[2]).toList();
    SentimentAnalyzer vader = SentimentAnalyzer.vader();
    for (int i = 0; i < 20; i++) scoreAll(vader, texts);
    long scored = 0;
    long t0 = System.nanoTime();
    while (System.nanoTime() - t0 < 5_000_000_000L) {
      scoreAll(vader, texts);
      scored += texts.size();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("sentiment: %,d texts in %.2f s = %,.0f texts/s (one thread)%n", scored, seconds, scored / seconds);
  }

  private static void scoreAll(SentimentAnalyzer vader, List<String> texts) {
    double s = 0;
    for (String t : texts) s += vader.score(t).compound();
    sink = s;
  }

  private static void breakdowns() {
    int n = 1_000_000;
    SyntheticResponses gen = new SyntheticResponses(1, "respond", 0.15, Instant.parse("2025-01-01T00:00:00Z"), 365);
    long t0 = System.nanoTime();
    ResponseTable table = gen.table(n);
    System.out.printf("kpi: generated and encoded %,d responses in %.0f ms%n", n, (System.nanoTime() - t0) / 1e6);
    BreakdownEngine engine = new BreakdownEngine();
    Map<String, Breakdown> queries = new java.util.LinkedHashMap<>();
    queries.put("NPS by stage", Breakdown.of(ScoreScale.NPS).by(Dimension.STAGE));
    queries.put("CSAT by journey x stage x touchpoint", Breakdown.of(ScoreScale.CSAT).by(Dimension.JOURNEY, Dimension.STAGE, Dimension.TOUCHPOINT));
    queries.put("NPS by journey per week (UTC)", Breakdown.of(ScoreScale.NPS).by(Dimension.JOURNEY).per(TrendPeriod.WEEK));
    queries.put("CES by channel x segment per day (Europe/Paris)",
        Breakdown.of(ScoreScale.CES).by(Dimension.CHANNEL, Dimension.SEGMENT).per(TrendPeriod.DAY).inZone(ZoneId.of("Europe/Paris")));
    queries.put("NPS by all five dimensions per month", Breakdown.of(ScoreScale.NPS)
        .by(Dimension.JOURNEY, Dimension.STAGE, Dimension.TOUCHPOINT, Dimension.CHANNEL, Dimension.SEGMENT).per(TrendPeriod.MONTH));
    for (var q : queries.entrySet()) {
      for (int i = 0; i < 5; i++) engine.run(q.getValue(), table);
      double[] ms = new double[15];
      int rows = 0;
      for (int i = 0; i < ms.length; i++) {
        long s = System.nanoTime();
        BreakdownResult r = engine.run(q.getValue(), table);
        ms[i] = (System.nanoTime() - s) / 1e6;
        rows = r.rows().size();
      }
      Arrays.sort(ms);
      System.out.printf("kpi: %-50s %,7d groups  median %6.1f ms  (min %.1f, max %.1f)%n", q.getKey(), rows, ms[ms.length / 2], ms[0], ms[ms.length - 1]);
    }
  }
}
