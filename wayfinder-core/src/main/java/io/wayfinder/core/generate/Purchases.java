package io.wayfinder.core.generate;

import static io.wayfinder.core.generate.Timeline.DAY;

import java.util.Arrays;

/**
 * One customer's purchases drawn from BG/NBD with Gamma-Gamma spend.
 *
 * @param times the purchase instants (epoch ms), the first at acquisition
 * @param revenues the amount of each purchase, in EUR with cents
 * @param lapsedAt the last purchase when the customer dropped out within the window, else -1
 */
record Purchases(long[] times, double[] revenues, long lapsedAt) {

  boolean lapsed() {
    return lapsedAt >= 0;
  }

  static Purchases draw(Rng rng, PlantedProblems.PurchaseModel m, long acquiredAt, long end) {
    double lambdaPerWeek = rng.gamma(m.r(), 1.0 / m.alpha());
    double dropOut = rng.beta(m.a(), m.b());
    double nu = rng.gamma(m.q(), 1.0 / m.gamma());
    long[] times = new long[8];
    int n = 0;
    long t = acquiredAt;
    long lapsedAt = -1;
    times[n++] = t;
    while (true) {
      t += (long) (rng.exponential(1.0 / lambdaPerWeek) * 7 * DAY);
      if (t >= end || t < 0) break;
      if (n == times.length) times = Arrays.copyOf(times, n * 2);
      times[n++] = t;
      // BG/NBD: the drop-out coin is tossed after each repeat purchase.
      if (rng.chance(dropOut)) {
        lapsedAt = t;
        break;
      }
    }
    double[] revenues = new double[n];
    for (int i = 0; i < n; i++) {
      revenues[i] = Math.max(0.01, Math.round(rng.gamma(m.p(), 1.0 / nu) * 100) / 100.0);
    }
    return new Purchases(Arrays.copyOf(times, n), revenues, lapsedAt);
  }
}
