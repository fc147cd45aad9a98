package io.wayfinder.store.journey;

import static io.wayfinder.store.journey.Collect.anonymous;
import static io.wayfinder.store.journey.Collect.identify;
import static io.wayfinder.store.journey.Collect.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.wayfinder.core.generate.JourneyCatalog;
import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.definition.CatalogDefinitions;
import io.wayfinder.core.journey.discovery.DiscoveryEngine;
import io.wayfinder.core.journey.discovery.DiscoveryQuery;
import io.wayfinder.core.journey.funnel.Funnel;
import io.wayfinder.core.journey.funnel.FunnelBreakdown;
import io.wayfinder.core.journey.funnel.FunnelEngine;
import io.wayfinder.core.journey.funnel.FunnelReport;
import io.wayfinder.core.journey.paths.PathQuery;
import io.wayfinder.store.Database;
import io.wayfinder.store.collect.EventWriter;
import io.wayfinder.store.journey.JourneyAnalytics.IndexLoads;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A journey index kept up to date on a store that keeps receiving events: as fresh and as exact as a full load. */
class JourneyIndexRefreshTest {
  @TempDir Path dir;

  private static final Funnel ORDER = Funnel.of("Product", "Checkout Started", "Payment Submitted", "Order Completed");

  @Test
  void appendedEventsAppearInTheNextFunnelWithoutAFullReload() throws Exception {
    try (Database db = Database.open(dir.resolve("data"))) {
      new GeneratedStore(db, dir, 60, 3);
      JourneyAnalytics analytics = new JourneyAnalytics(db);
      FunnelReport before = analytics.funnel(ORDER);
      try (EventWriter w = new EventWriter(db)) {
        new Collect(w).send(track("new-1", "Product", "2024-06-01T10:00:00Z", "{}"),
            track("new-1", "Checkout Started", "2024-06-01T10:05:00Z", "{}"),
            track("new-1", "Payment Submitted", "2024-06-01T10:06:00Z", "{}"),
            track("new-1", "Order Completed", "2024-06-01T10:07:00Z", "{\"revenue\": 30}"));
      }
      FunnelReport after = analytics.funnel(ORDER);
      assertThat(after.entered()).isEqualTo(before.entered() + 1);
      assertThat(after.converted()).isEqualTo(before.converted() + 1);
      assertThat(analytics.loads()).isEqualTo(new IndexLoads(1, 1));
      assertThat(after).isEqualTo(new FunnelEngine(new JourneyIndexLoader(db).load(Set.of())).run(ORDER));
      analytics.funnel(ORDER);
      assertThat(analytics.loads()).as("nothing written since: no refresh").isEqualTo(new IndexLoads(1, 1));
    }
  }

  @Test
  void aStoreThatStartsEmptyIsRefreshedFromItsFirstEvents() throws Exception {
    try (Database db = Database.open(dir.resolve("data")); EventWriter w = new EventWriter(db)) {
      JourneyAnalytics analytics = new JourneyAnalytics(db);
      assertThat(analytics.funnel(ORDER).entered()).isZero();
      new Collect(w).send(track("ann", "Product", "2024-05-01T09:00:00Z", "{}"), anonymous("x", "Product", "2024-05-01T09:01:00Z"));
      assertThat(analytics.funnel(ORDER).entered()).isEqualTo(2);
      assertThat(analytics.loads()).isEqualTo(new IndexLoads(1, 1));
      assertSameAsAFullLoad(db, analytics, Set.of());
    }
  }

  @Test
  void aProfileMergeIsSeenByTheNextQuery() throws Exception {
    try (Database db = Database.open(dir.resolve("data")); EventWriter w = new EventWriter(db)) {
      Collect live = new Collect(w);
      // on the laptop, anonymous; on the phone, signed in
      live.send(anonymous("laptop", "Product", "2024-05-01T09:00:00Z"), anonymous("laptop", "Checkout Started", "2024-05-01T09:02:00Z"),
          track("ann", "Payment Submitted", "2024-05-01T09:03:00Z", "{}"), track("bob", "Product", "2024-05-01T08:00:00Z", "{}"));
      JourneyAnalytics analytics = new JourneyAnalytics(db);
      assertThat(analytics.funnel(ORDER).steps().get(2).customers()).isZero();
      assertThat(analytics.dataset().caseCount()).isEqualTo(3);

      // Ann signs in on the laptop: its anonymous profile joins hers, earlier events and all
      live.send(identify("ann", "laptop", "2024-05-01T09:04:00Z", "{\"plan\": \"gold\"}"));
      FunnelReport merged = analytics.funnel(ORDER);
      assertThat(merged.steps()).extracting(FunnelReport.StepResult::customers).containsExactly(2, 1, 1, 0);
      JourneyDataset d = analytics.dataset();
      assertThat(d.caseCount()).isEqualTo(2);
      assertThat(d.index().caseName(0)).isEqualTo("ann");
      assertThat(d.trait("plan").value(0)).isEqualTo("gold");
      assertThat(analytics.loads()).isEqualTo(new IndexLoads(1, 1));
      assertSameAsAFullLoad(db, analytics, Set.of());
    }
  }

  @Test
  void aMergeMovesOlderEventsTheAppendedRowsDoNotShow() throws Exception {
    try (Database db = Database.open(dir.resolve("data")); EventWriter w = new EventWriter(db)) {
      Collect live = new Collect(w);
      live.send(anonymous("tablet", "Product", "2024-05-01T09:00:00Z"), track("cy", "Checkout Started", "2024-05-01T09:05:00Z", "{}"));
      JourneyAnalytics analytics = new JourneyAnalytics(db);
      assertThat(analytics.dataset().caseCount()).isEqualTo(2);
      // an alias in the same commit as another customer's event: the merge moves events the
      // appended rows do not show
      live.send("{\"type\":\"alias\",\"userId\":\"cy\",\"previousId\":\"tablet\",\"timestamp\":\"2024-05-01T09:06:00Z\"}",
          anonymous("phone", "Product", "2024-05-01T10:00:00Z"));
      assertThat(analytics.funnel(Funnel.of("Product", "Checkout Started")).converted()).isEqualTo(1);
      assertSameAsAFullLoad(db, analytics, Set.of());
    }
  }

  @Test
  void aMergeFoldedIntoAnIndexThatAlreadyShowsItChangesNothing() throws Exception {
    // what a full load that raced a merge relies on: the merge is applied again on top
    try (Database db = Database.open(dir.resolve("data")); EventWriter w = new EventWriter(db)) {
      Collect live = new Collect(w);
      live.send(anonymous("laptop", "Product", "2024-05-01T09:00:00Z"), track("ann", "Checkout Started", "2024-05-01T09:03:00Z", "{}"));
      live.send(identify("ann", "laptop", "2024-05-01T09:04:00Z", "{}"));
      LoadedIndex after = new JourneyIndexLoader(db).loadIndex(Set.of());
      LogVersion v = after.version();
      LoadedIndex stale = new LoadedIndex(new LogVersion(v.events(), v.maxEventId(), v.merges() - 1, v.identities(), v.traits()),
          true, after.keys(), after.data(), after.caseProfiles());
      assertThat(DatasetDump.of(IndexRefresh.refresh(db, stale).data())).isEqualTo(DatasetDump.of(after.data()));
    }
  }

  @Test
  void incrementalIndexEqualsAFullLoad() throws Exception {
    try (Database db = Database.open(dir.resolve("data"))) {
      new GeneratedStore(db, dir, 80, 5);
      JourneyAnalytics analytics = new JourneyAnalytics(db);
      CatalogDefinitions.of(JourneyCatalog.generated()).forEach(analytics.definitions()::put);
      Set<String> keys = Set.of("journey", "stage", "plan");
      analytics.dataset(keys);
      String tie = firstEventTime(db, "cust-0000007");
      try (EventWriter w = new EventWriter(db)) {
        Collect live = new Collect(w);
        // existing customers: an event at the same instant as their first (ties keep load order),
        // events before and after their history, a new event name sorted first, a new channel
        live.send(track("cust-0000007", "Product", tie, "{\"journey\": \"online_order\", \"stage\": \"Recognize\"}"),
            track("cust-0000007", "Aardvark Clicked", "2023-12-31T23:00:00Z", "{\"plan\": \"basic\"}"),
            track("cust-0000003", "Order Completed", "2025-02-01T00:00:00Z", "{\"revenue\": 12.5, \"journey\": \"online_order\"}"),
            "{\"type\":\"track\",\"event\":\"Support Call\",\"userId\":\"cust-0000003\",\"timestamp\":\"2025-02-02T00:00:00Z\","
                + "\"context\":{\"channel\":\"kiosk\"}}");
        assertSameAsAFullLoad(db, analytics, keys);
        // new customers, anonymous visitors, survey answers and traits
        live.send(track("zed", "Product", "2024-03-01T00:00:00Z", "{\"plan\": \"pro\"}"),
            anonymous("visitor-1", "Product", "2024-03-02T00:00:00Z"),
            anonymous("visitor-2", "Checkout Started", "2024-03-02T00:00:00Z"),
            track("cust-0000011", "Survey Response", "2024-07-01T00:00:00Z",
                "{\"survey\": \"nps\", \"question_type\": \"nps\", \"score\": 3, \"comment\": \"slow\", \"journey\": \"online_order\", \"stage\": \"Respond\"}"),
            identify("cust-0000011", null, "2024-07-01T00:00:01Z", "{\"tier\": \"silver\", \"age\": 41}"),
            identify("zed", null, "2024-03-01T00:00:01Z", "{\"tier\": \"bronze\"}"));
        assertSameAsAFullLoad(db, analytics, keys);
        // visitor 1 signs up as a new customer (adopts the profile), visitor 2 turns out to be
        // a known one (a merge); a trait changes and one trait stops being a scalar
        live.send(identify("yan", "visitor-1", "2024-03-02T00:00:05Z", "{\"tier\": \"gold\"}"),
            identify("cust-0000002", "visitor-2", "2024-03-02T00:00:06Z", "{\"tier\": \"bronze\"}"),
            identify("cust-0000011", null, "2024-07-02T00:00:00Z", "{\"tier\": \"gold\", \"age\": {\"years\": 41}}"),
            track("yan", "Checkout Started", "2024-03-02T00:01:00Z", "{}"));
        assertSameAsAFullLoad(db, analytics, keys);
        FunnelReport bySegment = analytics.funnel(ORDER.withBreakdown(new FunnelBreakdown("segment", "tier")));
        assertThat(bySegment).isEqualTo(new FunnelEngine(new JourneyIndexLoader(db).load(keys))
            .run(ORDER.withBreakdown(new FunnelBreakdown("segment", "tier"))));
        assertThat(analytics.discover(DiscoveryQuery.ALL, null, null, null))
            .isEqualTo(new DiscoveryEngine(new JourneyIndexLoader(db).load(keys).index()).discover(DiscoveryQuery.ALL));
        assertThat(analytics.paths(new PathQuery("Product", null, null, "after", 4, null, 3, null, null, null)))
            .isNotNull();
        assertThat(analytics.painPoints(null)).isNotNull();
      }
      assertThat(analytics.loads()).isEqualTo(new IndexLoads(1, 3));
    }
  }

  @Test
  void rowsRemovedFromTheLogOrAColumnNotLoadedYetLoadTheIndexAgain() throws Exception {
    try (Database db = Database.open(dir.resolve("data"))) {
      new GeneratedStore(db, dir, 30, 9);
      JourneyAnalytics analytics = new JourneyAnalytics(db);
      analytics.dataset();
      try (var c = db.connect(); Statement st = c.createStatement()) {
        st.execute("DELETE FROM events WHERE rowid % 50 = 3");
      }
      assertSameAsAFullLoad(db, analytics, Set.of());
      assertThat(analytics.loads()).isEqualTo(new IndexLoads(2, 0));
      analytics.dataset(Set.of("journey"));
      assertThat(analytics.loads()).isEqualTo(new IndexLoads(3, 0));
      assertThat(analytics.dataset().propertyKeys()).containsExactly("journey");
    }
  }

  @Test
  void queriesRunningWhileEventsArriveSeeOnlyWholeCommits() throws Exception {
    try (Database db = Database.open(dir.resolve("data")); EventWriter w = new EventWriter(db)) {
      Collect live = new Collect(w);
      live.send(track("first", "Product", "2024-01-01T00:00:00Z", "{}"));
      JourneyAnalytics analytics = new JourneyAnalytics(db);
      analytics.dataset();
      int batches = 40;
      int perBatch = 5;
      AtomicBoolean writing = new AtomicBoolean(true);
      ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
      ExecutorService readers = Executors.newFixedThreadPool(2);
      CountDownLatch started = new CountDownLatch(2);
      List<Future<?>> done = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        done.add(readers.submit(() -> {
          started.countDown();
          while (writing.get()) {
            JourneyDataset d = analytics.dataset();
            FunnelReport f = new FunnelEngine(d).run(Funnel.of("Product", "Checkout Started"));
            seen.add(d.eventCount() + " " + d.caseCount() + " " + f.converted());
          }
          return null;
        }));
      }
      started.await();
      for (int b = 0; b < batches; b++) {
        String[] batch = new String[perBatch];
        for (int e = 0; e < perBatch; e++) {
          batch[e] = track("c" + b, e % 2 == 0 ? "Product" : "Checkout Started", Instant.parse("2024-02-01T00:00:00Z")
              .plusSeconds(60L * e).toString(), "{}");
        }
        live.send(batch);
      }
      writing.set(false);
      for (Future<?> f : done) f.get();
      readers.shutdown();
      // after b whole batches: 1 + 5b events, 1 + b customers, b of whom converted
      for (String s : seen) {
        String[] p = s.split(" ");
        int b = Integer.parseInt(p[1]) - 1;
        assertThat(s).isEqualTo((1 + perBatch * b) + " " + (1 + b) + " " + b);
      }
      assertSameAsAFullLoad(db, analytics, Set.of());
      assertThat(analytics.loads().fullLoads()).isEqualTo(1);
    }
  }

  private static void assertSameAsAFullLoad(Database db, JourneyAnalytics analytics, Set<String> keys) {
    JourneyDataset kept = analytics.dataset(keys);
    JourneyDataset fresh = new JourneyIndexLoader(db).load(kept.propertyKeys());
    assertThat(DatasetDump.of(kept)).isEqualTo(DatasetDump.of(fresh));
    assertThat(new FunnelEngine(kept).run(ORDER)).isEqualTo(new FunnelEngine(fresh).run(ORDER));
  }

  private static String firstEventTime(Database db, String userId) throws Exception {
    try (var c = db.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT strftime(min(ts) AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%fZ') FROM events WHERE user_id = '"
            + userId + "'")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
