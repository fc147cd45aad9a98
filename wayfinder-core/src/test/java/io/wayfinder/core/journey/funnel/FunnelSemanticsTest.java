package io.wayfinder.core.journey.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wayfinder.core.journey.dataset.Events;
import io.wayfinder.core.journey.dataset.JourneyDataset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FunnelSemanticsTest {
  private static List<Integer> counts(FunnelReport r) {
    return r.steps().stream().map(FunnelReport.StepResult::customers).toList();
  }

  private static FunnelReport run(JourneyDataset d, Funnel f) {
    return new FunnelEngine(d).run(f);
  }

  private final JourneyDataset orders = new Events()
      .sequence("gap", 0, "A", "X", "B", "C")        // other event between A and B
      .sequence("swapped", 0, "B", "A", "C")        // B before A
      .sequence("direct", 0, "A", "B", "C")
      .build();

  @Test
  void orderedAllowsOtherEventsBetweenStepsButNotAnotherOrder() {
    FunnelReport r = run(orders, Funnel.of("A", "B", "C"));
    assertThat(counts(r)).containsExactly(3, 2, 2);
    assertThat(new FunnelEngine(orders).customers(Funnel.of("A", "B", "C"), 3, false, 10)).containsExactly("gap", "direct");
  }

  @Test
  void strictNeedsEachStepRightAfterThePrevious() {
    FunnelReport r = run(orders, Funnel.of("A", "B", "C").withOrder(FunnelOrder.STRICT));
    assertThat(counts(r)).containsExactly(3, 1, 1);
    assertThat(new FunnelEngine(orders).customers(Funnel.of("A", "B", "C").withOrder(FunnelOrder.STRICT), 2, true, 10))
        .containsExactly("gap", "swapped");
  }

  @Test
  void anyOrderCountsStepsDoneInAnyOrderWithinTheWindow() {
    FunnelReport r = run(orders, Funnel.of("A", "B", "C").withOrder(FunnelOrder.ANY));
    assertThat(counts(r)).containsExactly(3, 3, 3);
    FunnelReport tight = run(orders, Funnel.of("A", "B", "C").withOrder(FunnelOrder.ANY).withWindow("1m"));
    // 1 minute: gap A@0 X@1 B@2 has only A; swapped B@0 A@1 C@2 has A and B; direct A@0 B@1 C@2 has A and B
    assertThat(counts(tight)).containsExactly(3, 2, 0);
    FunnelReport two = run(orders, Funnel.of("A", "B", "C").withOrder(FunnelOrder.ANY).withWindow("2m"));
    assertThat(counts(two)).containsExactly(3, 3, 2);
  }

  @Test
  void theWindowIncludesItsBoundaryAndNotOneSecondMore() {
    JourneyDataset d = new Events()
        .at("onTheBoundary", 0, "A").at("onTheBoundary", 60, "B")
        .at("oneSecondLate", 0, "A").at("oneSecondLate", 60 + 1.0 / 60, "B")
        .build();
    assertThat(counts(run(d, Funnel.of("A", "B").withWindow("1h")))).containsExactly(2, 1);
    assertThat(counts(run(d, Funnel.of("A", "B").withWindow("2h")))).containsExactly(2, 2);
  }

  @Test
  void aPerStepWindowCountsFromThePreviousMatchedStep() {
    JourneyDataset d = new Events()
        .at("quick", 0, "A").at("quick", 100, "B").at("quick", 105, "C")
        .at("slow", 0, "A").at("slow", 100, "B").at("slow", 125, "C")
        .build();
    Funnel f = new Funnel(List.of(FunnelStep.of("A"), FunnelStep.of("B"),
        new FunnelStep("C", null, null, false, "10m")), FunnelOrder.ORDERED, "1d", null, null, null, null, null);
    assertThat(counts(run(d, f))).containsExactly(2, 2, 1);
  }

  @Test
  void anExclusionBetweenItsStepsCutsTheAttemptAndALaterCleanAttemptStillCounts() {
    JourneyDataset d = new Events()
        .sequence("cut", 0, "A", "E", "B", "C")
        .sequence("afterRange", 0, "A", "B", "C", "E")
        .sequence("retried", 0, "A", "E", "B").sequence("retried", 100, "A", "B", "C")
        .build();
    FunnelReport r = run(d, Funnel.of("A", "B", "C").withExclusions(List.of(Exclusion.of("E"))));
    assertThat(counts(r)).containsExactly(2, 2, 2);
    assertThat(r.excluded()).isEqualTo(1);
    // only between step 2 and 3: "cut" saw E before step 2, so it converts
    FunnelReport late = run(d, Funnel.of("A", "B", "C")
        .withExclusions(List.of(new Exclusion("E", null, null, 2, 3))));
    assertThat(late.excluded()).isZero();
    assertThat(counts(late)).containsExactly(3, 3, 3);
  }

  @Test
  void anOptionalStepMayBeSkippedAndCountsOnlyThoseWhoDidIt() {
    JourneyDataset d = new Events()
        .sequence("skipped", 0, "A", "B")
        .sequence("did", 0, "A", "O", "B")
        .sequence("stopped", 0, "A", "O")
        .build();
    Funnel f = new Funnel(List.of(FunnelStep.of("A"), new FunnelStep("O", null, null, true, null), FunnelStep.of("B")),
        FunnelOrder.ORDERED, null, null, null, null, null, null);
    FunnelReport r = run(d, f);
    assertThat(counts(r)).containsExactly(3, 2, 2);
    assertThat(r.steps().get(2).conversionFromPrevious()).isEqualTo(2.0 / 3); // against step 1, the previous required
    assertThat(counts(run(d, f.withOrder(FunnelOrder.STRICT)))).containsExactly(3, 2, 2);
    assertThatThrownBy(() -> new Funnel(List.of(new FunnelStep("A", null, null, true, null), FunnelStep.of("B")),
        null, null, null, null, null, null, null)).hasMessageContaining("first and the last");
  }

  @Test
  void equalTimestampsFollowLoadOrderAndOneEventFillsOneStep() {
    JourneyDataset d = new Events()
        .at("loadedInOrder", 5, "A").at("loadedInOrder", 5, "B")
        .at("loadedReversed", 5, "B").at("loadedReversed", 5, "A")
        .at("once", 5, "A")
        .build();
    assertThat(counts(run(d, Funnel.of("A", "B")))).containsExactly(3, 1);
    assertThat(counts(run(d, Funnel.of("A", "B").withOrder(FunnelOrder.ANY)))).containsExactly(3, 2);
    assertThat(counts(run(d, Funnel.of("A", "A")))).containsExactly(3, 0);
  }

  @Test
  void moreThanTenStepsWithDropOffAtEachStep() {
    String[] steps = IntStream.rangeClosed(1, 12).mapToObj(i -> "S" + i).toArray(String[]::new);
    Events e = new Events();
    for (int k = 1; k <= 12; k++) e.sequence("c" + k, 0, java.util.Arrays.copyOf(steps, k));
    FunnelReport r = run(e.build(), Funnel.of(steps));
    assertThat(counts(r)).containsExactly(12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1);
    assertThat(r.steps()).allSatisfy(s -> assertThat(s.dropOff()).isEqualTo(s.step() == 1 ? 0 : 1));
    assertThat(r.converted()).isEqualTo(1);
  }

  @Test
  void breakdownByChannelAndSegmentAndTimeToConvert() {
    JourneyDataset d = new Events()
        .at("w1", 0, "A", "web").at("w1", 30, "B", "web")
        .at("w2", 0, "A", "web").at("w2", 60 * 30, "B", "call_centre")
        .at("p1", 0, "A", "app")
        .trait("w1", "plan", "gold").trait("w2", "plan", "basic").trait("p1", "plan", "gold")
        .build();
    FunnelReport r = run(d, Funnel.of("A", "B").withBreakdown(new FunnelBreakdown("channel", null)));
    assertThat(r.breakdown()).extracting(FunnelReport.BreakdownGroup::value, FunnelReport.BreakdownGroup::entered,
        FunnelReport.BreakdownGroup::converted).containsExactly(
            org.assertj.core.groups.Tuple.tuple("web", 2, 2), org.assertj.core.groups.Tuple.tuple("app", 1, 0));
    assertThat(r.timeToConvert().customers()).isEqualTo(2);
    assertThat(r.timeToConvert().medianSeconds()).isEqualTo((30 * 60 + 30 * 3600) / 2.0);
    assertThat(r.timeToConvert().histogram()).filteredOn(b -> b.customers() > 0)
        .extracting(FunnelReport.Bucket::label).containsExactly("<= 1h", "<= 3d");
    FunnelReport gold = run(d, Funnel.of("A", "B").withBreakdown(new FunnelBreakdown("segment", "plan")));
    assertThat(gold.breakdown()).extracting(FunnelReport.BreakdownGroup::value).containsExactly("gold", "basic");
    FunnelReport onlyGold = run(d, new Funnel(Funnel.of("A", "B").steps(), null, null, null, null, null, null, "plan=gold"));
    assertThat(onlyGold.customers()).isEqualTo(2);
    assertThat(counts(onlyGold)).containsExactly(2, 1);
  }
}
