package io.wayfinder.bench;

import io.wayfinder.cli.SharedData;
import io.wayfinder.store.Database;
import io.wayfinder.store.Stats;
import io.wayfinder.store.collect.EventWriter;
import io.wayfinder.store.imports.ImportSpec;
import io.wayfinder.store.imports.Importer;
import io.wayfinder.store.sources.SourceStore;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.List;

/**
 * The receipt log imported into a store and replicated in SQL to about a target number of events:
 * copy k has new profile ids, user ids suffixed "~k" and timestamps shifted by k hours, so every
 * count is k times the original. A store that holds the replicated log already is reused.
 */
final class ReceiptStore {
  static final Path LOG = SharedData.path("data/eventlogs/receipt.xes.gz");
  /** The 5-step funnel of the journey benchmarks. */
  static final List<String> STEPS = List.of("Confirmation of receipt", "T02 Check confirmation of receipt",
      "T04 Determine confirmation of receipt", "T05 Print and send confirmation of receipt",
      "T06 Determine necessity of stop advice");

  private ReceiptStore() {}

  /** Makes {@code db} hold {@code copies} copies of the log of {@code baseEvents} events, unless it does. */
  static void prepare(Database db, int copies, int baseEvents) throws Exception {
    if (Stats.read(db).events() == (long) copies * baseEvents) return;
    try (EventWriter w = new EventWriter(db)) {
      new Importer(w, new SourceStore(db)).run(LOG, ImportSpec.defaults(), n -> {});
    }
    long t0 = System.nanoTime();
    replicate(db, copies);
    System.out.printf("replicated %d events × %d copies in SQL: %.1f s%n", baseEvents, copies, (System.nanoTime() - t0) / 1e9);
  }

  /** Copies 1..k-1 of the log with new profile ids, user ids suffixed "~k" and timestamps shifted by k hours. */
  private static void replicate(Database db, int copies) throws Exception {
    try (var c = db.connect(); var st = c.createStatement()) {
      long maxId;
      long maxProfile;
      try (ResultSet rs = st.executeQuery("SELECT max(id), max(profile_id) FROM events")) {
        rs.next();
        maxId = rs.getLong(1);
        maxProfile = rs.getLong(2);
      }
      st.execute("CREATE TEMP TABLE base AS SELECT * FROM events");
      st.execute("INSERT INTO events (id, message_id, type, name, profile_id, anonymous_id, user_id, channel, touchpoint, ts, "
          + "received_at, properties, context, source, origin_profile_id) SELECT id + k * " + maxId + ", message_id, type, name, "
          + "profile_id + k * " + maxProfile + ", anonymous_id, user_id || '~' || k, channel, touchpoint, ts + to_hours(k), "
          + "received_at, properties, context, source, origin_profile_id + k * " + maxProfile + " FROM base, range(1, " + copies + ") r(k)");
      st.execute("DROP TABLE base");
      st.execute("CHECKPOINT");
    }
  }
}
