package io.wayfinder.core.predict.clv.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Edge cases of the closed forms: limits, extreme parameters, large counts. */
class ModelPropertiesTest {
  private static final List<TransactionModel> CDNOW = List.of(
      new BgNbd(0.243, 4.414, 0.793, 2.426), new MbgNbd(0.525, 6.183, 0.891, 1.614), new ParetoNbd(0.553, 10.578, 0.606, 11.669));

  @Test
  void paretoSeriesAndQuadratureAgree() {
    double[][] params = {{0.553, 10.578, 0.606, 11.669}, {0.553, 11.669, 0.606, 10.578}, {2.1, 3.0, 0.3, 30.0}, {0.2, 40.0, 1.7, 2.5}};
    for (double[] p : params) {
      ParetoNbd m = new ParetoNbd(p[0], p[1], p[2], p[3]);
      for (int x : new int[] {0, 1, 7, 60}) {
        for (double[] times : new double[][] {{0, 38.86}, {5, 38.86}, {30.43, 38.86}, {37.71, 38.0}, {0.5, 1}}) {
          double tx = x == 0 ? 0 : times[0];
          double series = m.logA0(x, tx, times[1]);
          double quadrature = m.logA0Quadrature(x, tx, times[1]);
          assertThat(quadrature).as("%s x=%d tx=%s T=%s", m, x, tx, times[1]).isCloseTo(series, within(Math.abs(series) * 1e-11 + 1e-11));
        }
      }
    }
  }

  @Test
  @Timeout(2)
  void extremeParametersGiveFiniteAnswersQuickly() {
    double[][] params = {{0.5, 1e-7, 0.6, 1e7}, {0.5, 1e7, 0.6, 1e-7}, {1e-7, 1e7, 1e7, 1e-7}, {50, 0.01, 1e-6, 1e6}};
    for (double[] p : params) {
      ParetoNbd m = new ParetoNbd(p[0], p[1], p[2], p[3]);
      for (int x : new int[] {0, 3, 400}) {
        double tx = x == 0 ? 0 : 12.5;
        assertThat(m.logLikelihood(x, tx, 38.86)).as("%s x=%d", m, x).isFinite();
        assertThat(m.probabilityAlive(x, tx, 38.86)).isBetween(0.0, 1.0);
        assertThat(m.conditionalExpectedPurchases(52, x, tx, 38.86)).isFinite().isNotNegative();
      }
    }
  }

  @Test
  void removableSingularitiesAreContinuous() {
    // BG/NBD and MBG/NBD at a = 1; BG/NBD with a + b = 1 (unconditional); Pareto/NBD at s = 1
    double atOne = new BgNbd(0.3, 5, 1, 2).conditionalExpectedPurchases(39, 2, 20, 38);
    assertThat(atOne).isCloseTo(new BgNbd(0.3, 5, 1.001, 2).conditionalExpectedPurchases(39, 2, 20, 38), within(1e-3));
    double mbgAtOne = new MbgNbd(0.3, 5, 1, 2).conditionalExpectedPurchases(39, 2, 20, 38);
    assertThat(mbgAtOne).isCloseTo(new MbgNbd(0.3, 5, 0.999, 2).conditionalExpectedPurchases(39, 2, 20, 38), within(1e-3));
    double sumOne = new BgNbd(0.3, 5, 0.4, 0.6).expectedPurchases(39);
    assertThat(sumOne).isCloseTo(new BgNbd(0.3, 5, 0.4, 0.6001).expectedPurchases(39), within(1e-4));
    double sOne = new ParetoNbd(0.5, 10, 1, 12).conditionalExpectedPurchases(39, 2, 20, 38);
    assertThat(sOne).isCloseTo(new ParetoNbd(0.5, 10, 1 + 1e-9, 12).conditionalExpectedPurchases(39, 2, 20, 38), within(1e-8));
  }

  @Test
  void heavyBuyersInDaysDoNotOverflow() {
    // a customer with 3,000 repeat purchases in 10 years, measured in days, the last one today
    List<TransactionModel> daily = List.of(new BgNbd(0.24, 30.9, 0.79, 2.43), new MbgNbd(0.52, 43.3, 0.89, 1.61), new ParetoNbd(0.55, 74, 0.6, 81.7));
    for (TransactionModel m : daily) {
      assertThat(m.logLikelihood(3000, 3650, 3650)).as(m.kind().id()).isFinite();
      assertThat(m.probabilityAlive(3000, 3650, 3650)).isBetween(0.999, 1.0);
      // about her own rate of 3000/3650 a day, a little less for the chance of dropping out
      assertThat(m.conditionalExpectedPurchases(365, 3000, 3650, 3650)).as(m.kind().id()).isBetween(250.0, 300.0);
      // ten silent days after buying almost daily make her less likely to be alive
      assertThat(m.probabilityAlive(3000, 3640, 3650)).isLessThan(m.probabilityAlive(3000, 3650, 3650));
    }
  }

  @Test
  void expectationsStartAtZeroAndGrow() {
    for (TransactionModel m : CDNOW) {
      assertThat(m.expectedPurchases(0)).isZero();
      assertThat(m.conditionalExpectedPurchases(0, 2, 30.43, 38.86)).isZero();
      double previous = 0;
      for (double t = 1; t <= 520; t *= 2) {
        double e = m.conditionalExpectedPurchases(t, 2, 30.43, 38.86);
        assertThat(e).isGreaterThan(previous);
        previous = e;
      }
      // with no history at all, the conditional expectation is the unconditional one
      assertThat(m.conditionalExpectedPurchases(39, 0, 0, 0)).isEqualTo(m.expectedPurchases(39));
    }
  }

  @Test
  void badArgumentsAreRejected() {
    TransactionModel m = CDNOW.get(0);
    assertThatThrownBy(() -> m.probabilityAlive(-1, 0, 1)).hasMessageContaining("x must be >= 0");
    assertThatThrownBy(() -> m.probabilityAlive(1, 5, 4)).hasMessageContaining("after T");
    assertThatThrownBy(() -> m.probabilityAlive(0, 1, 4)).hasMessageContaining("x = 0 needs t_x = 0");
    assertThatThrownBy(() -> m.conditionalExpectedPurchases(Double.NaN, 1, 1, 4)).hasMessageContaining("horizon");
    assertThatThrownBy(() -> new BgNbd(0, 1, 1, 1)).hasMessageContaining("r must be finite and > 0");
    assertThatThrownBy(() -> new ParetoNbd(1, 1, Double.NaN, 1)).hasMessageContaining("s must be");
    assertThatThrownBy(() -> FrequencyData.of(new int[0], new double[0], new double[0])).hasMessageContaining("no customers");
    assertThatThrownBy(() -> FrequencyData.of(new int[] {1}, new double[] {Double.NaN}, new double[] {3}))
        .hasMessageContaining("customer #0: t_x must be finite");
  }

  @Test
  void gammaGammaExpectedSpend() {
    GammaGamma gg = new GammaGamma(6.25, 3.74, 15.44);
    assertThat(gg.expectedSpend(0, 0)).isEqualTo(gg.populationMeanSpend()).isCloseTo(6.25 * 15.44 / 2.74, within(1e-12));
    assertThat(gg.expectedSpend(1000, 20)).isCloseTo(20, within(0.1)); // many purchases: own mean dominates
    assertThat(new GammaGamma(2, 0.8, 10).populationMeanSpend()).isNaN(); // q <= 1: no finite population mean
  }
}
