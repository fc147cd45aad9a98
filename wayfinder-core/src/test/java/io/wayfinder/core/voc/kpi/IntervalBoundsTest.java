package io.wayfinder.core.voc.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Intervals on few responses stay on the scale of their KPI. */
class IntervalBoundsTest {

  @Test
  void twoPromotersGiveAnNpsIntervalEndingAtPlus100() {
    Interval i = new Nps(2, 0, 0).adjustedWald(0.95);
    assertThat(i.low()).isCloseTo(-24.41, within(0.01));
    assertThat(i.high()).isEqualTo(100.0);
    assertThat(new Nps(2, 0, 0).wald(0.95)).isEqualTo(new Interval(100, 100));
  }

  @Test
  void oneDetractorGivesAnIntervalAroundTheAdjustedNpsWithinTheScale() {
    Nps one = new Nps(0, 0, 1);
    Interval i = one.adjustedWald(0.95);
    assertThat(i.low()).isCloseTo(-98.50, within(0.01));
    assertThat(i.high()).isCloseTo(48.50, within(0.01));
    assertThat(i.contains(one.adjustedValue())).isTrue();
  }

  @Test
  void aCesIntervalOnTwoDisagreeingAnswersIsTheWholeScale() {
    ScoreCounts counts = ScoreCounts.ofScores(ScoreScale.CES, 1, 7);
    assertThat(Ces.of(counts).tInterval(0.95)).isEqualTo(new Interval(1, 7));
  }
}
