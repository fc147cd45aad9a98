package io.wayfinder.core.journey.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import io.wayfinder.core.journey.dataset.Events;
import io.wayfinder.core.journey.dataset.JourneyDataset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The ordered fast path and the chunked runs give exactly what the general matcher gives on one
 * thread: random customers over a small alphabet (so steps repeat and timestamps tie), random
 * funnels with repeated steps, tight and loose windows, periods and segments.
 */
class FastPathAgreementTest {
  private static final String[] NAMES = {"A", "B", "C", "D"};
  private static final String[] WINDOWS = {"1m", "3m", "10m", "1h", "30d"};

  private static JourneyDataset randomData(Random r) {
    Events e = new Events();
    for (int c = 0; c < 300; c++) {
      String customer = "c" + c;
      int n = r.nextInt(12);
      int minute = r.nextInt(5);
      for (int k = 0; k < n; k++) {
        minute += r.nextInt(3); // 0: a tie with the previous event
        e.at(customer, minute, NAMES[r.nextInt(NAMES.length)]);
      }
      e.at("late" + c % 7, 1000 + r.nextInt(50), NAMES[r.nextInt(NAMES.length)]);
      e.trait(customer, "tier", r.nextBoolean() ? "gold" : "basic");
    }
    return e.build();
  }

  private static Funnel randomFunnel(Random r) {
    int steps = 1 + r.nextInt(5);
    List<FunnelStep> list = new ArrayList<>();
    for (int s = 0; s < steps; s++) list.add(FunnelStep.of(NAMES[r.nextInt(NAMES.length)]));
    boolean period = r.nextInt(3) == 0;
    return new Funnel(list, FunnelOrder.ORDERED, WINDOWS[r.nextInt(WINDOWS.length)], null,
        r.nextBoolean() ? new FunnelBreakdown("channel", null) : null,
        period ? Events.T0.plus(Duration.ofMinutes(r.nextInt(6))) : null,
        period ? Events.T0.plus(Duration.ofMinutes(8 + r.nextInt(10))) : null,
        r.nextInt(4) == 0 ? "tier=gold" : null);
  }

  @Test
  void fastAndChunkedRunsAgreeWithTheGeneralMatcherOnRandomData() {
    Random r = new Random(20251122);
    int converting = 0;
    for (int round = 0; round < 40; round++) {
      JourneyDataset d = randomData(r);
      for (int k = 0; k < 10; k++) {
        Funnel f = randomFunnel(r);
        assertThat(OrderedScan.applies(FunnelScope.of(d, f))).isTrue();
        FunnelEngine general = new FunnelEngine(d, false, Integer.MAX_VALUE);
        FunnelOutcome expected = general.match(f);
        FunnelReport report = general.run(f);
        for (FunnelEngine other : List.of(new FunnelEngine(d, true, Integer.MAX_VALUE), new FunnelEngine(d, true, 0),
            new FunnelEngine(d, false, 0))) {
          FunnelOutcome got = other.match(f);
          assertThat(got.level).as("%s", f).containsExactly(expected.level);
          assertThat(got.matched).as("%s", f).containsExactly(expected.matched);
          assertThat(got.anchor).as("%s", f).containsExactly(expected.anchor);
          assertThat(got.inScope).isEqualTo(expected.inScope);
          assertThat(other.run(f)).as("%s", f).isEqualTo(report);
        }
        if (report.converted() > 0 && f.steps().size() > 2) converting++;
      }
    }
    // the comparison is only worth something when many funnels get customers through several steps
    assertThat(converting).isGreaterThan(50);
  }

  @Test
  void funnelsWithConditionsTakeTheGeneralPath() {
    JourneyDataset d = new Events().sequence("x", 0, "A", "B").build();
    Funnel channel = new Funnel(List.of(new FunnelStep("A", "web", null, false, null), FunnelStep.of("B")),
        FunnelOrder.ORDERED, null, null, null, null, null, null);
    assertThat(OrderedScan.applies(FunnelScope.of(d, channel))).isFalse();
    assertThat(OrderedScan.applies(FunnelScope.of(d, Funnel.of("A", "B").withOrder(FunnelOrder.STRICT)))).isFalse();
    assertThat(OrderedScan.applies(FunnelScope.of(d, Funnel.of("A", "B").withExclusions(List.of(Exclusion.of("C")))))).isFalse();
    assertThat(OrderedScan.applies(FunnelScope.of(d, Funnel.of("A", "B")))).isTrue();
  }
}
