package io.wayfinder.core.voc.kpi;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Two-sided critical values, memoised: a breakdown asks for the same few thousand quantiles once
 * per group, and inverting the t distribution is far dearer than the rest of a group's work.
 */
final class Quantiles {
  private static final int MAX_CACHED = 100_000;
  private static final Map<Key, Double> CACHE = new ConcurrentHashMap<>();

  private record Key(double confidence, long degreesOfFreedom) {}

  private Quantiles() {}

  /** The standard-normal quantile for a two-sided interval (0.95 → 1.96). */
  static double z(double confidence) {
    return cached(new Key(confidence, 0));
  }

  /** The Student-t quantile with the given degrees of freedom for a two-sided interval. */
  static double t(double confidence, long degreesOfFreedom) {
    if (degreesOfFreedom < 1) throw new IllegalArgumentException("need ≥ 1 degree of freedom, got " + degreesOfFreedom);
    return cached(new Key(confidence, degreesOfFreedom));
  }

  private static double cached(Key k) {
    Interval.checkConfidence(k.confidence());
    Double q = CACHE.get(k);
    if (q != null) return q;
    double p = 0.5 + k.confidence() / 2;
    q = k.degreesOfFreedom() == 0
        ? new NormalDistribution(0, 1).inverseCumulativeProbability(p)
        : new TDistribution(k.degreesOfFreedom()).inverseCumulativeProbability(p);
    if (CACHE.size() >= MAX_CACHED) CACHE.clear();
    CACHE.put(k, q);
    return q;
  }
}
