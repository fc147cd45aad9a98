package io.wayfinder.core.journey.dataset;

import java.util.Arrays;

/**
 * A growable sample of longs (durations in microseconds) with mean and quantiles. Quantiles
 * interpolate linearly between closest ranks, as the discovery engine and numpy do.
 */
public final class LongSample {
  private long[] values = new long[16];
  private int n;
  private boolean sorted = true;

  public void add(long v) {
    if (n == values.length) values = Arrays.copyOf(values, n * 2);
    if (n > 0 && v < values[n - 1]) sorted = false;
    values[n++] = v;
  }

  /** Appends every value of {@code other}, in its order (chunks merged in order keep the sequential order). */
  public void addAll(LongSample other) {
    if (n + other.n > values.length) values = Arrays.copyOf(values, Math.max(n + other.n, n * 2));
    if (other.n > 0 && n > 0 && other.values[0] < values[n - 1]) sorted = false;
    System.arraycopy(other.values, 0, values, n, other.n);
    n += other.n;
    sorted &= other.sorted;
  }

  public int size() {
    return n;
  }

  public double mean() {
    double s = 0;
    for (int i = 0; i < n; i++) s += values[i];
    return n == 0 ? Double.NaN : s / n;
  }

  /** The q-quantile (0..1), NaN when empty. */
  public double quantile(double q) {
    if (n == 0) return Double.NaN;
    if (!sorted) {
      // Selection, not a sort: a funnel asks one median per step of samples with millions of values.
      return io.wayfinder.core.journey.discovery.Quantiles.quantiles(values, 0, n, q)[0];
    }
    double h = (n - 1) * q;
    int lo = (int) Math.floor(h);
    return lo + 1 >= n ? values[lo] : values[lo] + (h - lo) * (values[lo + 1] - values[lo]);
  }

  public double median() {
    return quantile(0.5);
  }

  /** How many values are at most {@code bound}. */
  public int countAtMost(long bound) {
    int c = 0;
    for (int i = 0; i < n; i++) if (values[i] <= bound) c++;
    return c;
  }

  /** Microseconds as seconds, null for NaN (JSON has no NaN). */
  public static Double seconds(double micros) {
    return Double.isNaN(micros) ? null : micros / 1e6;
  }
}
