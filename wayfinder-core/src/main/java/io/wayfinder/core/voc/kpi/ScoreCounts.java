package io.wayfinder.core.voc.kpi;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * How many responses gave each score of a scale: everything the KPIs need, and small enough to
 * keep per group. Immutable; combine with {@link #plus}.
 */
public final class ScoreCounts {
  private final ScoreScale scale;
  private final long[] counts;

  private ScoreCounts(ScoreScale scale, long[] counts) {
    this.scale = scale;
    this.counts = counts;
  }

  /** Counts from a map score → number of responses; missing scores count zero. */
  public static ScoreCounts of(ScoreScale scale, Map<Integer, ? extends Number> countsByScore) {
    long[] c = new long[scale.size()];
    countsByScore.forEach((score, count) -> {
      long n = count.longValue();
      if (n < 0) throw new IllegalArgumentException("negative count " + n + " for score " + score);
      c[scale.check(score) - scale.min()] += n;
    });
    return new ScoreCounts(scale, c);
  }

  /** Counts of individual scores. */
  public static ScoreCounts ofScores(ScoreScale scale, int... scores) {
    long[] c = new long[scale.size()];
    for (int s : scores) c[scale.check(s) - scale.min()]++;
    return new ScoreCounts(scale, c);
  }

  /** Wraps counts indexed from the scale's minimum; the array is copied. */
  static ScoreCounts ofArray(ScoreScale scale, long[] counts, int offset) {
    return new ScoreCounts(scale, Arrays.copyOfRange(counts, offset, offset + scale.size()));
  }

  public ScoreScale scale() {
    return scale;
  }

  /** Number of responses with this score. */
  public long count(int score) {
    return counts[scale.check(score) - scale.min()];
  }

  /** Number of responses with a score in [low, high]. */
  public long countBetween(int low, int high) {
    long n = 0;
    for (int s = Math.max(low, scale.min()); s <= Math.min(high, scale.max()); s++) n += counts[s - scale.min()];
    return n;
  }

  /** Number of responses. */
  public long total() {
    return countBetween(scale.min(), scale.max());
  }

  public double mean() {
    double sum = 0;
    for (int i = 0; i < counts.length; i++) sum += (double) counts[i] * (i + scale.min());
    return sum / total();
  }

  /** Sample standard deviation (n − 1 in the denominator). */
  public double standardDeviation() {
    double mean = mean();
    double ss = 0;
    for (int i = 0; i < counts.length; i++) {
      double d = i + scale.min() - mean;
      ss += counts[i] * d * d;
    }
    return Math.sqrt(ss / (total() - 1));
  }

  /** The pooled counts of two sets of responses on the same scale (several surveys, groups, periods). */
  public ScoreCounts plus(ScoreCounts other) {
    if (other.scale != scale) throw new IllegalArgumentException("cannot add " + other.scale + " to " + scale + " counts");
    long[] c = counts.clone();
    for (int i = 0; i < c.length; i++) c[i] += other.counts[i];
    return new ScoreCounts(scale, c);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScoreCounts s && s.scale == scale && Arrays.equals(s.counts, counts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scale, Arrays.hashCode(counts));
  }

  @Override
  public String toString() {
    return scale + Arrays.toString(counts);
  }
}
