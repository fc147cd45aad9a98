package io.wayfinder.bench;

import io.wayfinder.store.Database;
import io.wayfinder.store.collect.EventWriter;
import io.wayfinder.store.privacy.Regulation;
import io.wayfinder.store.privacy.Regulations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Erasure on a large store (run by hand: bench/erasure.sh [customers]): a store of customers x 10
 * events is built by SQL, then one customer and then 10,000 customers are erased by a regulation,
 * side by side with the same deletes written as plain DuckDB SQL (other customers, same sizes).
 * Ends with the compaction the next open runs. Prints a Markdown table.
 */
public final class ErasureBenchmark {
  public static void main(String[] args) throws Exception {
    int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int many = Math.min(10_000, customers / 10);
    Path dir = Files.createTempDirectory("wf-erasure-bench");
    long t0 = System.nanoTime();
    try (Database db = Database.open(dir); Connection c = db.connect(); Statement st = c.createStatement()) {
      st.execute("INSERT INTO profiles SELECT i, TIMESTAMPTZ '2024-01-01', NULL FROM range(1, " + (customers + 1) + ") t(i)");
      st.execute("INSERT INTO identities SELECT 'user_id', 'cust-' || i, i, TIMESTAMPTZ '2024-01-01' FROM range(1, " + (customers + 1) + ") t(i)");
      st.execute("INSERT INTO trait_history SELECT i, 'plan', '\"gold\"', TIMESTAMPTZ '2024-01-01', NULL FROM range(1, " + (customers + 1) + ") t(i)");
      st.execute("INSERT INTO events (id, message_id, type, name, profile_id, anonymous_id, user_id, channel, touchpoint, ts, received_at, "
          + "properties, context, source, origin_profile_id) SELECT i + 1, NULL, 'track', 'Step ' || (i % 7), i % " + customers + " + 1, NULL, "
          + "'cust-' || (i % " + customers + " + 1), 'web', NULL, TIMESTAMPTZ '2024-01-01' + to_seconds(i), TIMESTAMPTZ '2024-01-01', "
          + "'{\"n\":' || (i % 100) || '}', NULL, 'bench', i % " + customers + " + 1 FROM range(" + (10L * customers) + ") t(i)");
      st.execute("CHECKPOINT");
    }
    System.out.printf("store: %,d customers, %,d events, built in %.1f s, file %,d MB%n", customers, 10L * customers,
        (System.nanoTime() - t0) / 1e9, Files.size(dir.resolve(Database.FILE_NAME)) >> 20);

    List<String> one = List.of("cust-" + (customers / 2));
    List<String> batch = new ArrayList<>();
    for (int i = 0; i < many; i++) batch.add("cust-" + (customers / 4 + i));
    System.out.println("| erasure | Wayfinder regulation | plain DuckDB SQL (same deletes, other customers) |");
    System.out.println("|---|---|---|");
    try (Database db = Database.open(dir); EventWriter writer = new EventWriter(db)) {
      Regulations regulations = new Regulations(db, writer);
      long a = System.nanoTime();
      Regulation r1 = regulations.create(Regulations.Type.DELETE_ONLY, Regulations.SubjectType.USER_ID, one);
      double wf1 = (System.nanoTime() - a) / 1e9;
      double sql1 = plain(db, "(" + (customers / 2 + 1) + ")");
      System.out.printf("| 1 customer (%d events) | %.2f s | %.2f s |%n", r1.eventsErased(), wf1, sql1);
      a = System.nanoTime();
      Regulation rn = regulations.create(Regulations.Type.DELETE_ONLY, Regulations.SubjectType.USER_ID, batch);
      double wfn = (System.nanoTime() - a) / 1e9;
      int from = customers / 4 + many + 1;
      double sqln = plain(db, "(SELECT i FROM range(" + from + ", " + (from + many) + ") t(i))");
      System.out.printf("| %,d customers in one regulation (%,d events) | %.2f s | %.2f s |%n", many, rn.eventsErased(), wfn, sqln);
    }
    long a = System.nanoTime();
    try (Database db = Database.open(dir)) {
      System.out.printf("compaction at the next open (copy of the live data to a fresh file): %.1f s, file %,d MB%n",
          (System.nanoTime() - a) / 1e9, Files.size(dir.resolve(Database.FILE_NAME)) >> 20);
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** The deletes a hand-written erasure would run, in one transaction; returns seconds. */
  private static double plain(Database db, String profiles) throws Exception {
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      long a = System.nanoTime();
      c.setAutoCommit(false);
      st.execute("DELETE FROM events WHERE profile_id IN " + profiles);
      st.execute("DELETE FROM trait_history WHERE profile_id IN " + profiles);
      st.execute("DELETE FROM identities WHERE profile_id IN " + profiles);
      st.execute("DELETE FROM profiles WHERE id IN " + profiles);
      c.commit();
      return (System.nanoTime() - a) / 1e9;
    }
  }
}
