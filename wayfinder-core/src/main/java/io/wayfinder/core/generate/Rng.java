package io.wayfinder.core.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The random draws the generator needs, on a {@link SplittableRandom} seeded per customer so that
 * every customer's events depend only on the seed and the customer's number (and so can be made
 * in any order, or in parallel).
 */
final class Rng {
  private final SplittableRandom random;

  Rng(long seed) {
    this.random = new SplittableRandom(seed);
  }

  double uniform() {
    return random.nextDouble();
  }

  double uniform(double from, double to) {
    return from + (to - from) * random.nextDouble();
  }

  int between(int fromInclusive, int toInclusive) {
    return random.nextInt(fromInclusive, toInclusive + 1);
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  double normal(double mean, double sd) {
    return mean + sd * random.nextGaussian();
  }

  double exponential(double mean) {
    return -mean * Math.log(1.0 - random.nextDouble());
  }

  /** Log-normal with the given median; {@code sigma} is the standard deviation of the log. */
  double logNormal(double median, double sigma) {
    return median * Math.exp(sigma * random.nextGaussian());
  }

  /** Gamma(shape, scale) by Marsaglia and Tsang, with the boost for shape below one. */
  double gamma(double shape, double scale) {
    if (shape < 1) {
      return gamma(shape + 1, scale) * Math.pow(random.nextDouble(), 1.0 / shape);
    }
    double d = shape - 1.0 / 3.0;
    double c = 1.0 / Math.sqrt(9.0 * d);
    while (true) {
      double x = random.nextGaussian();
      double v = 1.0 + c * x;
      if (v <= 0) continue;
      v = v * v * v;
      double u = random.nextDouble();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v * scale;
    }
  }

  double beta(double a, double b) {
    double x = gamma(a, 1);
    return x / (x + gamma(b, 1));
  }

  /** Poisson by inversion; fine for the small means used here. */
  int poisson(double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int n = 0;
    while (product > limit) {
      product *= random.nextDouble();
      n++;
    }
    return n;
  }

  /** A score on [min, max] around {@code mean}, rounded and clipped like real answers. */
  int score(double mean, double sd, int min, int max) {
    long s = Math.round(normal(mean, sd));
    return (int) Math.max(min, Math.min(max, s));
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
