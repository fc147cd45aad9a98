package io.wayfinder.core.voc.drivers;

import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;

/**
 * Shapley value (LMG, Lindeman–Merenda–Gold) decomposition of R²: each driver's increase in R²
 * when it joins a subset of the others, averaged over all orders of entry. Exact, over all 2^p
 * subsets, so limited to {@link #MAX_DRIVERS} drivers.
 */
final class ShapleyDecomposition {
  static final int MAX_DRIVERS = 16;

  private ShapleyDecomposition() {}

  /** @param correlation correlation matrix of the drivers followed by the outcome */
  static double[] of(RealMatrix correlation) {
    int p = correlation.getRowDimension() - 1;
    if (p > MAX_DRIVERS) throw new IllegalArgumentException("Shapley decomposition supports at most " + MAX_DRIVERS + " drivers, got " + p);
    double[] r2 = new double[1 << p];
    for (int mask = 1; mask < r2.length; mask++) r2[mask] = rSquared(correlation, mask, p);
    // weight of a subset of size s not containing j: s! (p − s − 1)! / p!
    double[] weight = new double[p];
    for (int s = 0; s < p; s++) weight[s] = 1.0 / (p * binomial(p - 1, s));
    double[] shapley = new double[p];
    for (int mask = 0; mask < r2.length; mask++) {
      int s = Integer.bitCount(mask);
      for (int j = 0; j < p; j++) {
        if ((mask & (1 << j)) == 0) shapley[j] += weight[s] * (r2[mask | (1 << j)] - r2[mask]);
      }
    }
    return shapley;
  }

  /** R² of the regression of the outcome on the drivers in mask: r_Sᵀ R_SS⁻¹ r_S. */
  static double rSquared(RealMatrix correlation, int mask, int p) {
    int[] idx = new int[Integer.bitCount(mask)];
    for (int j = 0, k = 0; j < p; j++) if ((mask & (1 << j)) != 0) idx[k++] = j;
    RealMatrix rss = correlation.getSubMatrix(idx, idx);
    RealVector rsy = correlation.getSubMatrix(idx, new int[] {p}).getColumnVector(0);
    return rsy.dotProduct(new CholeskyDecomposition(rss, 1e-12, 1e-12).getSolver().solve(rsy));
  }

  private static double binomial(int n, int k) {
    double b = 1;
    for (int i = 1; i <= k; i++) b = b * (n - k + i) / i;
    return b;
  }
}
