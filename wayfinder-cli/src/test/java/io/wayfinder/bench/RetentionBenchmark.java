package io.wayfinder.bench;

import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.dataset.JourneyDatasetBuilder;
import io.wayfinder.core.journey.retention.RetentionCell;
import io.wayfinder.core.journey.retention.RetentionEngine;
import io.wayfinder.core.journey.retention.RetentionQuery;
import io.wayfinder.core.journey.retention.RetentionReport;
import io.wayfinder.core.journey.retention.RetentionRow;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Retention benchmark, run by hand (results in bench/RESULTS.md):
 * <pre>
 * java -Xmx6g -cp CLASSPATH io.wayfinder.bench.RetentionBenchmark [CUSTOMERS]
 * </pre>
 * Generates about 10 M events in an in-memory DuckDB (customers acquired through 2024, events
 * thinning out over the following months, cut at the end of 2024), loads them into the journey
 * index, then times the 12×12 triangle (monthly cohorts, monthly offsets, any event) in the
 * engine and the same query in DuckDB SQL, median of 5 after 2 warm-ups each, in the same run,
 * and checks that both give the same count in every cell.
 */
public final class RetentionBenchmark {
  private static final String SQL = "WITH f AS (SELECT c, min(t) AS first FROM ev GROUP BY c), "
      + "r AS (SELECT DISTINCT ev.c, (year(ev.t) * 12 + month(ev.t)) - (year(f.first) * 12 + month(f.first)) AS o "
      + "FROM ev JOIN f USING (c) WHERE ev.t > f.first) "
      + "SELECT strftime(f.first, '%Y-%m') AS cohort, r.o, count(*) FROM r JOIN f USING (c) WHERE r.o <= 11 GROUP BY ALL";

  public static void main(String[] args) throws Exception {
    int customers = args.length > 0 ? Integer.parseInt(args[0]) : 520_000;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:;threads=2"); Statement st = c.createStatement()) {
      long g0 = System.nanoTime();
      // one acquisition event per customer, then 24 more at u^3 of a year later (u uniform), cut at 2025
      st.execute("CREATE TABLE ev AS SELECT c, t FROM (SELECT c, TIMESTAMP '2024-01-01' + to_microseconds("
          + "CAST((hash(c) % 31536000) * 1000000 AS BIGINT)) AS a FROM range(" + customers + ") r(c)) x, "
          + "LATERAL (SELECT a + to_microseconds(CAST(CASE WHEN k = 0 THEN 0 ELSE pow((hash(c * 31 + k) % 1000000) / 1e6, 3) "
          + "* 31536000 * 1000000 END AS BIGINT) + k) AS t FROM range(25) q(k)) y WHERE t < TIMESTAMP '2025-01-01' ORDER BY c, t");
      long events;
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM ev")) {
        rs.next();
        events = rs.getLong(1);
      }
      System.out.printf("generated %,d events of %,d customers in %.1f s%n", events, customers, (System.nanoTime() - g0) / 1e9);
      long l0 = System.nanoTime();
      JourneyDatasetBuilder b = new JourneyDatasetBuilder(java.util.Set.of());
      try (ResultSet rs = st.executeQuery("SELECT c, epoch_us(t) FROM ev")) {
        String[] names = new String[customers];
        while (rs.next()) {
          int id = rs.getInt(1);
          if (names[id] == null) names[id] = Integer.toString(id);
          long us = rs.getLong(2);
          b.add(names[id], "Visit", null, Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000), Math.floorMod(us, 1_000_000) * 1000), null);
        }
      }
      JourneyDataset data = b.build();
      System.out.printf("index of %,d events loaded in %.1f s%n", data.eventCount(), (System.nanoTime() - l0) / 1e9);
      RetentionQuery q = new RetentionQuery(null, null, "month", "month", 11, null, null, null, null, null, null);
      RetentionEngine engine = new RetentionEngine(data);
      RetentionReport report = null;
      double[] engineMs = new double[7];
      for (int r = 0; r < engineMs.length; r++) {
        long t0 = System.nanoTime();
        report = engine.run(q, null, null);
        engineMs[r] = (System.nanoTime() - t0) / 1e6;
      }
      Map<String, Integer> sqlCells = new HashMap<>();
      double[] sqlMs = new double[7];
      for (int r = 0; r < sqlMs.length; r++) {
        long t0 = System.nanoTime();
        sqlCells.clear();
        try (ResultSet rs = st.executeQuery(SQL)) {
          while (rs.next()) sqlCells.put(rs.getString(1) + "/" + rs.getInt(2), rs.getInt(3));
        }
        sqlMs[r] = (System.nanoTime() - t0) / 1e6;
      }
      int cells = 0;
      for (RetentionRow row : report.rows()) {
        for (RetentionCell cell : row.cells()) {
          if (cell.eligible() == 0) continue;
          int expected = sqlCells.getOrDefault(row.group() + "/" + cell.offset(), 0);
          if (expected != cell.returned()) {
            throw new IllegalStateException("cell " + row.group() + " +" + cell.offset() + ": engine " + cell.returned() + ", SQL " + expected);
          }
          cells++;
        }
      }
      System.out.printf("%d rows, %d observed cells equal to SQL's%n", report.rows().size(), cells);
      System.out.printf("engine 12x12 triangle: median %.0f ms (runs %s)%n", median(engineMs), Arrays.toString(round(engineMs)));
      System.out.printf("DuckDB SQL same query: median %.0f ms (runs %s)%n", median(sqlMs), Arrays.toString(round(sqlMs)));
    }
  }

  /** Median of the runs after the first two (warm-up). */
  private static double median(double[] runs) {
    double[] t = Arrays.copyOfRange(runs, 2, runs.length);
    Arrays.sort(t);
    return t[t.length / 2];
  }

  private static long[] round(double[] a) {
    return Arrays.stream(a).mapToLong(Math::round).toArray();
  }
}
