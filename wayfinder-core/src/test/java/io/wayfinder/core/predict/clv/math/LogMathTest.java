package io.wayfinder.core.predict.clv.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogMathTest {
  @Test
  void logAddExpHandlesInfinityAndHugeArguments() {
    assertThat(LogMath.logAddExp(Double.NEGATIVE_INFINITY, 2)).isEqualTo(2);
    assertThat(LogMath.logAddExp(1000, 1000)).isCloseTo(1000 + Math.log(2), within(1e-12));
    assertThat(LogMath.logAddExp(Math.log(2), Math.log(3))).isCloseTo(Math.log(5), within(1e-15));
  }

  @Test
  void log1mExpIsAccurateAtBothEnds() {
    assertThat(LogMath.log1mExp(-1e-20)).isCloseTo(Math.log(1e-20), within(1e-12));
    assertThat(LogMath.log1mExp(-50)).isCloseTo(-Math.exp(-50), within(1e-30));
    assertThat(LogMath.log1mExp(0)).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void oneMinusExpOverHasItsLimitAtZero() {
    assertThat(LogMath.oneMinusExpOver(0, 0.7)).isEqualTo(0.7);
    assertThat(LogMath.oneMinusExpOver(1e-12, 0.7)).isCloseTo(0.7, within(1e-12));
    assertThat(LogMath.oneMinusExpOver(-0.4, 0.7)).isCloseTo((1 - Math.exp(0.28)) / -0.4, within(1e-15));
  }
}
