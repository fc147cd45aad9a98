package io.wayfinder.core.journey.discovery;

/**
 * Mean and quantiles of ranges of a {@code long[]}, by selection rather than sorting. Quantiles use
 * linear interpolation between closest ranks (numpy's default): the median of an even count is
 * the mean of the two middle values. The range is reordered.
 */
final class Quantiles {
  private Quantiles() {}

  static double mean(long[] a, int from, int to) {
    long sum = 0;
    try {
      for (int i = from; i < to; i++) {
        sum = Math.addExact(sum, a[i]);
      }
      return (double) sum / (to - from);
    } catch (ArithmeticException overflow) {
      double s = 0;
      for (int i = from; i < to; i++) {
        s += a[i];
      }
      return s / (to - from);
    }
  }

  /** The {@code q}-quantile (0..1) of {@code a[from, to)}, which must not be empty. */
  static double quantile(long[] a, int from, int to, double q) {
    double h = (to - from - 1) * q;
    int lo = (int) Math.floor(h);
    long x = select(a, from, to, from + lo);
    if (h == lo) {
      return x;
    }
    long next = Long.MAX_VALUE;
    for (int i = from + lo + 1; i < to; i++) {
      next = Math.min(next, a[i]); // after selection everything right of lo is >= x
    }
    return x + (h - lo) * (next - x);
  }

  static long min(long[] a, int from, int to) {
    long m = Long.MAX_VALUE;
    for (int i = from; i < to; i++) {
      m = Math.min(m, a[i]);
    }
    return m;
  }

  static long max(long[] a, int from, int to) {
    long m = Long.MIN_VALUE;
    for (int i = from; i < to; i++) {
      m = Math.max(m, a[i]);
    }
    return m;
  }

  /**
   * Puts the value of rank {@code k} at {@code a[k]}, smaller ones left, larger or equal right.
   * Three-way partitioning keeps it linear when values repeat a lot (replicated logs do).
   */
  static long select(long[] a, int from, int to, int k) {
    int lo = from;
    int hi = to - 1;
    while (lo < hi) {
      long pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi]);
      int lt = lo;
      int gt = hi;
      int i = lo;
      while (i <= gt) {
        if (a[i] < pivot) {
          swap(a, lt++, i++);
        } else if (a[i] > pivot) {
          swap(a, i, gt--);
        } else {
          i++;
        }
      }
      if (k < lt) {
        hi = lt - 1;
      } else if (k > gt) {
        lo = gt + 1;
      } else {
        return a[k];
      }
    }
    return a[k];
  }

  private static long medianOfThree(long x, long y, long z) {
    return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
  }

  private static void swap(long[] a, int i, int j) {
    long t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
