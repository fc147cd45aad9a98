package io.wayfinder.core.voc.kpi;

/** A two-sided confidence interval, in the unit of the estimate it belongs to. */
public record Interval(double low, double high) {

  public boolean contains(double x) {
    return x >= low && x <= high;
  }

  /**
   * This interval cut to the range the estimate can take: a normal-approximation interval on few
   * responses can reach past the scale (NPS above +100, CES below 1), which no population can.
   */
  public Interval within(double min, double max) {
    return new Interval(Math.max(min, low), Math.min(max, high));
  }

  /** True when the two intervals share no point. */
  public boolean excludes(Interval other) {
    return high < other.low || other.high < low;
  }

  static void checkConfidence(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be between 0 and 1, got " + confidence);
    }
  }

  /** Wilson score interval for a proportion, in percent. */
  public static Interval wilsonPercent(long successes, long n, double confidence) {
    if (n == 0) return new Interval(Double.NaN, Double.NaN);
    double z = Quantiles.z(confidence);
    double p = (double) successes / n;
    double z2n = z * z / n;
    double centre = (p + z2n / 2) / (1 + z2n);
    double half = z / (1 + z2n) * Math.sqrt(p * (1 - p) / n + z2n / (4.0 * n));
    return new Interval(100 * (centre - half), 100 * (centre + half));
  }
}
