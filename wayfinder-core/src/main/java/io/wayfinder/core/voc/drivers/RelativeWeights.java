package io.wayfinder.core.voc.drivers;

import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;

/**
 * Johnson's (2000) relative weights: the drivers are replaced by their closest orthogonal
 * counterparts Z = X·Λ⁻¹ (Λ = R_xx^½ from the eigen-decomposition V·√D·Vᵀ); the outcome is
 * regressed on Z (β = Λ⁻¹ r_xy), and each driver's weight is Σ_k Λ_jk² β_k². The weights add up to
 * the model's R².
 */
final class RelativeWeights {
  private RelativeWeights() {}

  /**
   * @param correlation correlation matrix of the drivers followed by the outcome (last row/column)
   * @return raw weight per driver
   */
  static double[] of(RealMatrix correlation) {
    int p = correlation.getRowDimension() - 1;
    RealMatrix rxx = correlation.getSubMatrix(0, p - 1, 0, p - 1);
    RealVector rxy = correlation.getColumnVector(p).getSubVector(0, p);
    EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(rxx);
    double[] sqrtEigen = eigen.getEigenvalues().clone();
    for (int k = 0; k < p; k++) sqrtEigen[k] = Math.sqrt(Math.max(0, sqrtEigen[k]));
    RealMatrix v = eigen.getV();
    RealMatrix lambda = v.multiply(MatrixUtils.createRealDiagonalMatrix(sqrtEigen)).multiply(v.transpose());
    RealVector beta = new LUDecomposition(lambda).getSolver().solve(rxy);
    double[] raw = new double[p];
    for (int j = 0; j < p; j++) {
      for (int k = 0; k < p; k++) {
        double l = lambda.getEntry(j, k);
        double b = beta.getEntry(k);
        raw[j] += l * l * b * b;
      }
    }
    return raw;
  }
}
