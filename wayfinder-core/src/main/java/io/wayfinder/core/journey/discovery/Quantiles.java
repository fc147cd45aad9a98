package io.wayfinder.core.journey.discovery;

/**
 * Mean and quantiles of ranges of a {@code long[]}, by selection rather than sorting. Quantiles use
 * linear interpolation between closest ranks (numpy's default): the median of an even count is
 * the mean of the two middle values. The range is reordered.
 */
public final class Quantiles {
  private Quantiles() {}

  public static double mean(long[] a, int from, int to) {
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

  /**
   * The quantiles {@code qs} (ascending, each in 0..1) of {@code a[from, to)}, which must not be
   * empty. Each selection starts where the previous one ended, so later ones scan less.
   */
  public static double[] quantiles(long[] a, int from, int to, double... qs) {
    double[] out = new double[qs.length];
    int low = from;
    for (int j = 0; j < qs.length; j++) {
      double h = (to - from - 1) * qs[j];
      int rank = from + (int) Math.floor(h);
      long x = select(a, low, to, rank);
      double fraction = h - Math.floor(h);
      // after selection everything right of rank is >= x, so the next value is their minimum
      out[j] = fraction == 0 ? x : x + fraction * (min(a, rank + 1, to) - x);
      low = rank;
    }
    return out;
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
