package io.wayfinder.core.predict.clv.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class HypergeometricTest {

  /** Reference values from mpmath.hyp2f1 at 30 significant digits. */
  @ParameterizedTest
  @CsvSource({
    "0.5, 1.2, 2.3, 0.3, 1.0927708534843637",
    "1.5, 2.5, 3.7, 0.9, 6.9271050406138271",
    "30.2, 31.4, 31.7, 0.47, 176648245.70888568",
    "-2, 1.5, 3, 0.7, 0.45312500000000002",
    "0.3, 0.4, 0.5, -0.8, 0.86746712281190482",
    "0.3, 0.4, 0.5, -5.0, 0.6438554266746514",
    "2.5, 3.5, 1.2, 0.99, 14642814741.649569",
    "0.8, -0.3, 1.6, 0.6, 0.89152571905849764",
  })
  void matchesMpmath(double a, double b, double c, double z, double expected) {
    assertThat(Hypergeometric.hyp2f1(a, b, c, z)).isCloseTo(expected, within(Math.abs(expected) * 1e-13));
  }

  @Test
  void directSeriesAndEulerTransformAgree() {
    double a = 1.3, b = 2.1, c = 1.9, z = 0.6;
    double direct = Hypergeometric.series(a, b, c, z, 100_000);
    double euler = Math.pow(1 - z, c - a - b) * Hypergeometric.series(c - a, c - b, c, z, 100_000);
    assertThat(euler).isCloseTo(direct, within(direct * 1e-14));
    assertThat(Hypergeometric.hyp2f1(a, b, c, z)).isCloseTo(direct, within(direct * 1e-14));
  }

  @Test
  void zeroArgumentIsOne() {
    assertThat(Hypergeometric.hyp2f1(3, 4, 5, 0)).isEqualTo(1);
  }

  @Test
  void slowSeriesIsCappedNotRunForever() {
    // terms decay like n^-1.2 * 0.999^n: more than the default 20,000 terms are needed
    assertThatThrownBy(() -> Hypergeometric.hyp2f1(1, 0.7, 1.9, 0.999))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("did not converge");
    assertThat(Hypergeometric.hyp2f1(1, 0.7, 1.9, 0.999, 200_000)).isCloseTo(3.4195752456791554, within(1e-12));
  }

  @Test
  @Timeout(1)
  void extremeArgumentsFailFast() {
    assertThatThrownBy(() -> Hypergeometric.hyp2f1(5e5, 7e5, 3, 1 - 1e-12)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Hypergeometric.hyp2f1(1, 2, 3, 1)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Hypergeometric.hyp2f1(1, 2, -3, 0.5)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Hypergeometric.hyp2f1(Double.NaN, 2, 3, 0.5)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void oneBMatchesTheGeneralSeries() {
    for (double z : new double[] {0.01, 0.3, 0.8, 0.95}) {
      double general = Hypergeometric.series(1, 1.7, 4.2, z, 100_000);
      assertThat(Hypergeometric.oneB(1.7, 4.2, z, 100_000)).isCloseTo(general, within(general * 1e-15));
    }
  }
}
