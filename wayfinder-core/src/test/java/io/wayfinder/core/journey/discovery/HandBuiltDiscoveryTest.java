package io.wayfinder.core.journey.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.wayfinder.core.journey.index.JourneyIndex;
import io.wayfinder.core.journey.index.JourneyIndexBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HandBuiltDiscoveryTest {
  private static final long HOUR = 3_600_000_000L;

  /** c1: a b b b c (b repeated, one tie), c2: a c with a tie resolved by order, c3: b alone. */
  private static JourneyIndex log() {
    return new JourneyIndexBuilder()
        .add("c1", "a", "start", 0)
        .add("c1", "b", "complete", HOUR)
        .add("c2", "c", null, 5 * HOUR)
        .add("c2", "a", null, 5 * HOUR) // same instant as c: c came first, so c -> a
        .add("c1", "b", "complete", 3 * HOUR)
        .add("c1", "b", "complete", 4 * HOUR)
        .add("c1", "c", "complete", 8 * HOUR)
        .add("c3", "b", null, 2 * HOUR)
        .build();
  }

  private static String edges(DiscoveryResult r) {
    return String.join(" ", r.directlyFollows().stream().map(e -> e.from() + e.to() + e.count()).toList());
  }

  @Test
  void equalTimestampsKeepFileOrder() {
    DiscoveryResult r = new DiscoveryEngine(log()).discover(DiscoveryQuery.ALL);
    assertThat(edges(r)).isEqualTo("bb2 ab1 bc1 ca1");
    assertThat(r.variants()).extracting(Variant::joined).containsExactly("a,b,b,b,c", "b", "c,a");
    assertThat(r.startActivities()).containsExactly(new NamedCount("a", 1), new NamedCount("b", 1), new NamedCount("c", 1));
  }

  @Test
  void selfLoopsAndReworkAreCounted() {
    DiscoveryResult r = new DiscoveryEngine(log()).discover(DiscoveryQuery.ALL);
    assertThat(r.selfLoops()).singleElement().satisfies(e -> {
      assertThat(e.from()).isEqualTo("b");
      assertThat(e.count()).isEqualTo(2);
      assertThat(e.meanSeconds()).isEqualTo(5400.0); // gaps 2 h and 1 h
      assertThat(e.medianSeconds()).isEqualTo(5400.0);
      assertThat(e.p90Seconds()).isEqualTo(6840.0); // 3600 + 0.9 * 3600
    });
    assertThat(r.rework()).containsExactly(new Rework("b", 1, 2));
  }

  @Test
  void durationsCountSingleEventCasesAsZero() {
    CaseDurations d = new DiscoveryEngine(log()).discover(DiscoveryQuery.ALL).caseDurations();
    assertThat(d.minSeconds()).isZero();
    assertThat(d.maxSeconds()).isEqualTo(8 * 3600.0);
    assertThat(d.medianSeconds()).isZero();
    assertThat(d.meanSeconds()).isEqualTo(8 * 3600.0 / 3);
  }

  @Test
  void lifecycleClassifierSplitsActivities() {
    DiscoveryResult r = new DiscoveryEngine(log())
        .discover(DiscoveryQuery.ALL.classifiedBy(ActivityClassifier.NAME_AND_LIFECYCLE));
    assertThat(r.activities()).containsExactly("a", "a+start", "b", "b+complete", "c", "c+complete");
    assertThat(r.variants().get(0).joined()).isEqualTo("a+start,b+complete,b+complete,b+complete,c+complete");
  }

  @Test
  void filtersByPeriodActivitiesAndCases() {
    DiscoveryEngine engine = new DiscoveryEngine(log());
    Instant start = Instant.EPOCH;
    DiscoveryResult early = engine.discover(DiscoveryQuery.ALL.during(start.plusSeconds(3600), start.plusSeconds(4 * 3600)));
    assertThat(early.events()).isEqualTo(3); // b at 1 h, b at 2 h (c3), b at 3 h; 4 h excluded
    assertThat(early.cases()).isEqualTo(2);

    DiscoveryResult noB = engine.discover(DiscoveryQuery.ALL.onlyActivities(List.of("a", "c")));
    assertThat(edges(noB)).isEqualTo("ac1 ca1");
    assertThat(noB.cases()).isEqualTo(2);

    DiscoveryResult c2 = engine.discover(DiscoveryQuery.ALL.onlyCases(Set.of("c2")));
    assertThat(c2.variants()).extracting(Variant::joined).containsExactly("c,a");
    assertThat(c2.variants().get(0).share()).isEqualTo(1.0);
  }

  @Test
  void funnelNeedsEachStepAfterThePreviousOne() {
    DiscoveryEngine engine = new DiscoveryEngine(log());
    FunnelResult f = engine.funnel(DiscoveryQuery.ALL, List.of("a", "c", "a"));
    assertThat(f.steps()).extracting(FunnelResult.Step::cases).containsExactly(2, 1, 0); // c2 is "c,a": its c comes before its a
    assertThat(f.steps()).extracting(FunnelResult.Step::conversionFromPrevious).containsExactly(null, 0.5, 0.0);
    FunnelResult unknown = engine.funnel(DiscoveryQuery.ALL, List.of("z", "a"));
    assertThat(unknown.steps()).extracting(FunnelResult.Step::conversionFromPrevious).containsExactly(null, null);
  }

  @Test
  void emptySelectionGivesAnEmptyResult() {
    DiscoveryResult r = new DiscoveryEngine(log()).discover(DiscoveryQuery.ALL.onlyCases(Set.of("nobody")));
    assertThat(r.cases()).isZero();
    assertThat(r.directlyFollows()).isEmpty();
    assertThat(r.caseDurations()).isEqualTo(new CaseDurations(0, 0, 0, 0));
  }
}
