package io.wayfinder.bench;

import io.wayfinder.core.collect.CollectedMessage;
import io.wayfinder.core.event.Event;
import io.wayfinder.core.event.EventType;
import io.wayfinder.core.identity.IdentityClaims;
import io.wayfinder.core.voc.kpi.Breakdown;
import io.wayfinder.core.voc.kpi.BreakdownEngine;
import io.wayfinder.core.voc.kpi.Dimension;
import io.wayfinder.core.voc.kpi.ResponseTable;
import io.wayfinder.core.voc.kpi.ScoreScale;
import io.wayfinder.core.voc.kpi.SurveyResponse;
import io.wayfinder.core.voc.kpi.SyntheticResponses;
import io.wayfinder.core.voc.kpi.TrendPeriod;
import io.wayfinder.store.Database;
import io.wayfinder.store.collect.EventWriter;
import io.wayfinder.store.voc.KpiResponses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * KPI breakdowns over 1,000,000 survey responses stored in the event log, read through the store
 * as the KPI API does (results in bench/results/surveys.md):
 * <pre>
 * mvn -B -q -DskipTests package &amp;&amp; mvn -B -q -pl wayfinder-cli -am test-compile
 * taskset -c 0 java -cp wayfinder-cli/target/wayfinder.jar:wayfinder-cli/target/test-classes io.wayfinder.bench.SurveyKpiBenchmark [DIR]
 * </pre>
 */
public final class SurveyKpiBenchmark {
  static final int N = 1_000_000;

  public static void main(String[] args) throws IOException {
    Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("wf-bench-surveys");
    try (Database db = Database.open(dir)) {
      long t0 = System.nanoTime();
      store(db);
      System.out.printf("stored %,d Survey Response events in %.1f s%n", N, (System.nanoTime() - t0) / 1e9);

      KpiResponses responses = new KpiResponses(db, "plan");
      t0 = System.nanoTime();
      ResponseTable table = responses.table();
      System.out.printf("first load into a ResponseTable: %,d responses in %.2f s%n", table.size(), (System.nanoTime() - t0) / 1e9);

      BreakdownEngine engine = new BreakdownEngine();
      Map<String, Breakdown> queries = new LinkedHashMap<>();
      queries.put("NPS by stage", Breakdown.of(ScoreScale.NPS).by(Dimension.STAGE));
      queries.put("CSAT by journey x stage x touchpoint", Breakdown.of(ScoreScale.CSAT).by(Dimension.JOURNEY, Dimension.STAGE, Dimension.TOUCHPOINT));
      queries.put("NPS by journey per week", Breakdown.of(ScoreScale.NPS).by(Dimension.JOURNEY).per(TrendPeriod.WEEK));
      for (var q : queries.entrySet()) {
        double[] ms = new double[15];
        for (int i = -5; i < ms.length; i++) {
          long s = System.nanoTime();
          int groups = engine.run(q.getValue(), responses.table()).rows().size();
          if (i >= 0) ms[i] = (System.nanoTime() - s) / 1e6;
          if (i == ms.length - 1) report(q.getKey() + " (" + groups + " groups), store check + breakdown", ms);
        }
      }
      try (EventWriter writer = new EventWriter(db)) {
        double[] ms = new double[15];
        for (int i = 0; i < ms.length; i++) {
          writer.write(List.of(message(new SurveyResponse(9, ScoreScale.NPS, "purchase", "respond", "t", "web", "", Instant.now()), N + i)));
          long s = System.nanoTime();
          engine.run(queries.get("NPS by stage"), responses.table());
          ms[i] = (System.nanoTime() - s) / 1e6;
        }
        report("NPS by stage right after one new response (incremental read + rebuild + breakdown)", ms);
      }
    }
  }

  private static void report(String what, double[] ms) {
    double[] s = ms.clone();
    Arrays.sort(s);
    System.out.printf(Locale.ROOT, "%s: median %.1f ms (min %.1f)%n", what, s[s.length / 2], s[0]);
  }

  private static void store(Database db) {
    List<SurveyResponse> all = new ArrayList<>(N);
    new SyntheticResponses(7, "respond", 2.0, Instant.parse("2024-01-01T00:00:00Z"), 365).generate(N, all::add);
    try (EventWriter writer = new EventWriter(db)) {
      var chunks = new java.util.Iterator<List<CollectedMessage>>() {
        int at;

        public boolean hasNext() {
          return at < N;
        }

        public List<CollectedMessage> next() {
          List<CollectedMessage> chunk = new ArrayList<>(10_000);
          for (int end = Math.min(N, at + 10_000); at < end; at++) chunk.add(message(all.get(at), at));
          return chunk;
        }
      };
      writer.writeAll(chunks);
    }
  }

  static CollectedMessage message(SurveyResponse r, int i) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("survey", r.journey() + "_" + r.scale().name().toLowerCase(Locale.ROOT));
    p.put("question_type", r.scale().name().toLowerCase(Locale.ROOT));
    p.put("score", r.score());
    p.put("journey", r.journey());
    p.put("stage", r.stage());
    p.put("touchpoint", r.touchpoint());
    String user = "cust-" + (i % 50_000);
    Event e = new Event(0, "bench-" + i, EventType.TRACK, "Survey Response", 0, null, user, r.channel(), r.touchpoint(),
        r.answeredAt(), r.answeredAt(), p, Map.of(), "bench");
    return new CollectedMessage(e, new IdentityClaims(user, null, null, List.of()), Map.of(), Map.of());
  }
}
