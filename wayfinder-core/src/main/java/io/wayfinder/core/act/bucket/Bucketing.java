package io.wayfinder.core.act.bucket;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;

/**
 * GrowthBook's deterministic assignment: FNV-1a hashing of a seed and a customer id into [0, 1),
 * bucket ranges from weights and coverage, and the choice of a variation. Matching GrowthBook's
 * SDKs (their {@code hash}, {@code getBucketRange}, {@code chooseVariation} cases) means a split
 * in a Wayfinder flow puts a customer in the same arm as a GrowthBook experiment with that seed.
 */
public final class Bucketing {
  private static final int FNV_OFFSET = 0x811c9dc5;
  private static final int FNV_PRIME = 0x01000193;

  private Bucketing() {}

  /** A half-open range [start, end) of the unit interval. */
  public record Range(double start, double end) {
    /** GrowthBook's {@code inRange}. */
    public boolean contains(double n) {
      return n >= start && n < end;
    }
  }

  /**
   * GrowthBook's {@code hash}: version 1 is {@code fnv1a(value + seed) % 1000 / 1000}, version 2
   * (the default for new experiments, better spread) is {@code fnv1a(fnv1a(seed + value) + "") %
   * 10000 / 10000}. Empty for an unknown version.
   */
  public static OptionalDouble hash(String seed, String value, int version) {
    if (version == 2) {
      return OptionalDouble.of(fnv1a(Long.toString(fnv1a(seed + value))) % 10000 / 10000.0);
    }
    if (version == 1) {
      return OptionalDouble.of(fnv1a(value + seed) % 1000 / 1000.0);
    }
    return OptionalDouble.empty();
  }

  /** 32-bit FNV-1a over UTF-16 code units (JavaScript's charCodeAt), as an unsigned value. */
  static long fnv1a(String s) {
    int h = FNV_OFFSET;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= FNV_PRIME;
    }
    return Integer.toUnsignedLong(h);
  }

  /** n equal weights; empty for n &lt;= 0. */
  public static List<Double> equalWeights(int n) {
    return n <= 0 ? List.of() : Collections.nCopies(n, 1.0 / n);
  }

  /**
   * GrowthBook's {@code getBucketRanges}: coverage is clamped to [0, 1]; weights that are missing,
   * of the wrong count, or do not sum to 1 ± 0.01 are replaced by equal weights.
   */
  public static List<Range> bucketRanges(int variations, double coverage, List<Double> weights) {
    double cov = Math.max(0, Math.min(1, coverage));
    List<Double> w = weights == null || weights.size() != variations ? equalWeights(variations) : weights;
    double total = w.stream().mapToDouble(Double::doubleValue).sum();
    if (total < 0.99 || total > 1.01) {
      w = equalWeights(variations);
    }
    List<Range> ranges = new ArrayList<>(w.size());
    double cumulative = 0;
    for (double weight : w) {
      double start = cumulative;
      cumulative += weight;
      ranges.add(new Range(start, start + cov * weight));
    }
    return List.copyOf(ranges);
  }

  /** The index of the range holding n, or -1 (outside coverage). */
  public static int chooseVariation(double n, List<Range> ranges) {
    for (int i = 0; i < ranges.size(); i++) {
      if (ranges.get(i).contains(n)) {
        return i;
      }
    }
    return -1;
  }
}
