package io.wayfinder.core.predict.clv.math;

/** Small numerically careful helpers for sums and differences of quantities kept as logarithms. */
public final class LogMath {
  private LogMath() {}

  /** {@code log(exp(a) + exp(b))} without overflow; either argument may be {@code -Infinity}. */
  public static double logAddExp(double a, double b) {
    if (a == Double.NEGATIVE_INFINITY) return b;
    if (b == Double.NEGATIVE_INFINITY) return a;
    return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
  }

  /**
   * {@code log(1 - exp(x))} for {@code x <= 0}, accurate for x near 0 and for very negative x
   * (Mächler 2012). Returns {@code -Infinity} at x = 0.
   */
  public static double log1mExp(double x) {
    if (x > 0) throw new IllegalArgumentException("log1mExp needs x <= 0, got " + x);
    return x > -0.6931471805599453 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
  }

  /**
   * {@code (1 - exp(-v * l)) / v} for {@code l >= 0}, with its limit {@code l} at v = 0; used for
   * expressions like {@code [1 - (c/(c+t))^(s-1)] / (s-1)} when s is close to 1.
   */
  public static double oneMinusExpOver(double v, double l) {
    double vl = v * l;
    if (Math.abs(vl) < 1e-8) return l * (1 - vl / 2);
    return -Math.expm1(-vl) / v;
  }
}
