package io.wayfinder.core.voc.drivers;

import java.util.Arrays;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.stat.correlation.PearsonsCorrelation;

/**
 * The rows where the outcome and every driver are known (listwise deletion), as a data matrix
 * whose last column is the outcome, and its correlation matrix.
 */
final class CompleteCases {
  final double[][] data;
  final RealMatrix correlation;

  CompleteCases(DriverVariable outcome, List<DriverVariable> drivers) {
    if (drivers.isEmpty()) throw new IllegalArgumentException("need at least one driver");
    int n = outcome.size();
    for (DriverVariable d : drivers) {
      if (d.size() != n) {
        throw new IllegalArgumentException("driver " + d.name() + " has " + d.size() + " values, outcome " + outcome.name() + " has " + n);
      }
    }
    int p = drivers.size();
    double[][] rows = new double[n][];
    int kept = 0;
    rowLoop:
    for (int i = 0; i < n; i++) {
      double[] row = new double[p + 1];
      for (int j = 0; j < p; j++) {
        row[j] = drivers.get(j).value(i);
        if (Double.isNaN(row[j])) continue rowLoop;
      }
      row[p] = outcome.value(i);
      if (Double.isNaN(row[p])) continue;
      rows[kept++] = row;
    }
    if (kept <= p + 1) throw new IllegalArgumentException("need more complete rows than drivers + 1, got " + kept);
    data = Arrays.copyOf(rows, kept);
    correlation = new PearsonsCorrelation(new Array2DRowRealMatrix(data, false)).getCorrelationMatrix();
    for (int j = 0; j <= p; j++) {
      if (Double.isNaN(correlation.getEntry(j, j == p ? 0 : p))) {
        String name = j == p ? outcome.name() : drivers.get(j).name();
        throw new IllegalArgumentException(name + " does not vary, so it cannot drive or be driven");
      }
    }
  }

  int rows() {
    return data.length;
  }

  /** Mean, minimum and maximum of column j. */
  double[] meanMinMax(int j) {
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] row : data) {
      sum += row[j];
      min = Math.min(min, row[j]);
      max = Math.max(max, row[j]);
    }
    return new double[] {sum / data.length, min, max};
  }
}
