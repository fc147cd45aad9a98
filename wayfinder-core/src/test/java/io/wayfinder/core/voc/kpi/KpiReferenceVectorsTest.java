package io.wayfinder.core.voc.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** TEST-VECTORS.md section 3 (and the Welch test of section 2, F2, used for CES changes). */
class KpiReferenceVectorsTest {

  private static void assertInterval(Interval i, double low, double high, double tol) {
    assertThat(i.low()).isCloseTo(low, within(tol));
    assertThat(i.high()).isCloseTo(high, within(tol));
  }

  @Test
  void n1NpsWithWaldAndAdjustedWaldIntervals() {
    Nps nps = new Nps(50, 30, 20);
    assertThat(nps.value()).isCloseTo(30.0, within(1e-9));
    assertThat(nps.standardError()).isCloseTo(7.8102, within(5e-5));
    assertInterval(nps.wald(0.95), 14.69, 45.31, 0.005);
    assertInterval(nps.adjustedWald(0.95), 14.05, 44.20, 0.005);
    assertThat(nps.adjustedValue()).isCloseTo(29.126, within(5e-4));
  }

  @Test
  void n2SmallSampleNps() {
    Nps nps = new Nps(12, 5, 3);
    assertThat(nps.value()).isCloseTo(45.0, within(1e-9));
    assertThat(nps.standardError()).isCloseTo(16.545, within(5e-4));
    assertInterval(nps.wald(0.95), 12.57, 77.43, 0.005);
    assertInterval(nps.adjustedWald(0.95), 8.43, 69.83, 0.005);
  }

  @Test
  void n3DifferenceOfTwoNps() {
    ChangeTest t = ChangeTest.nps(new Nps(50, 30, 20), new Nps(40, 35, 25));
    assertThat(t.difference()).isCloseTo(15.0, within(1e-9));
    assertThat(t.standardError()).isCloseTo(11.1243, within(5e-5));
    assertThat(t.statistic()).isCloseTo(1.3484, within(5e-5));
    assertThat(t.pValue()).isCloseTo(0.17753, within(5e-6));
    assertThat(t.significant(0.05)).isFalse();
  }

  @Test
  void n3FromScoreCountsPicksTheNpsTest() {
    ScoreCounts a = ScoreCounts.of(ScoreScale.NPS, Map.of(10, 50, 8, 30, 3, 20));
    ScoreCounts b = ScoreCounts.of(ScoreScale.NPS, Map.of(9, 40, 7, 35, 0, 25));
    assertThat(ChangeTest.of(a, b).pValue()).isCloseTo(0.17753, within(5e-6));
  }

  @Test
  void c1CsatTopTwoBoxWithWilsonInterval() {
    Csat csat = Csat.of(ScoreCounts.of(ScoreScale.CSAT, Map.of(5, 40, 4, 25, 3, 15, 2, 10, 1, 10)));
    assertThat(csat.value()).isCloseTo(65.0, within(1e-9));
    assertThat(csat.mean()).isCloseTo(3.75, within(1e-9));
    assertInterval(csat.wilson(0.95), 55.25, 73.64, 0.005);
  }

  @Test
  void e1CesMeanWithTInterval() {
    Ces ces = Ces.of(ScoreCounts.of(ScoreScale.CES, Map.of(7, 30, 6, 25, 5, 15, 4, 10, 3, 8, 2, 7, 1, 5)));
    assertThat(ces.mean()).isCloseTo(5.18, within(1e-9));
    assertThat(ces.standardDeviation()).isCloseTo(1.8168, within(5e-5));
    assertInterval(ces.tInterval(0.95), 4.8195, 5.5405, 5e-5);
    assertThat(ces.agreeShare()).isCloseTo(70.0, within(1e-9));
  }

  @Test
  void welchTestMatchesGrowthBookF2() {
    double[] a = meanSd(1396.87, 52377.9767, 3407);
    double[] b = meanSd(2422.7, 134698.29, 3461);
    ChangeTest t = ChangeTest.means(b[0], b[1], 3461, a[0], a[1], 3407);
    assertThat(t.difference()).isCloseTo(0.29, within(5e-5));
    assertThat(t.standardError()).isCloseTo(0.12478, within(5e-6));
    assertThat(t.pValue()).isCloseTo(0.02016, within(5e-6));
  }

  private static double[] meanSd(double sum, double sumSquares, long n) {
    double mean = sum / n;
    return new double[] {mean, Math.sqrt((sumSquares - sum * sum / n) / (n - 1))};
  }

  @Test
  void pooledNpsCountsEverySurveysResponses() {
    Nps pooled = Nps.pooled(java.util.List.of(new Nps(50, 30, 20), new Nps(12, 5, 3)));
    assertThat(pooled).isEqualTo(new Nps(62, 35, 23));
    assertThat(pooled.value()).isCloseTo(100.0 * (62 - 23) / 120, within(1e-9));
  }

  @Test
  void responseRateHasAWilsonInterval() {
    ResponseRate r = new ResponseRate(100, 65);
    assertThat(r.value()).isCloseTo(65.0, within(1e-9));
    assertInterval(r.wilson(0.95), 55.25, 73.64, 0.005);
  }
}
