package io.wayfinder.core.voc.drivers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Key-driver analysis of an outcome (NPS, CSAT, churn, conversion) over drivers (touchpoint
 * scores, waiting times, contacts, channel switches): Johnson's relative weights and the Shapley
 * (LMG) decomposition of R², plus each driver's performance, for an importance × performance
 * quadrant chart. Both methods split R² fairly among correlated drivers, where regression
 * coefficients would not.
 */
public final class KeyDrivers {
  private KeyDrivers() {}

  public static KeyDriverResult analyse(DriverVariable outcome, List<DriverVariable> drivers) {
    CompleteCases cases = new CompleteCases(outcome, drivers);
    int p = drivers.size();
    double[] raw = RelativeWeights.of(cases.correlation);
    double[] shapley = ShapleyDecomposition.of(cases.correlation);
    double r2 = 0;
    for (double w : raw) r2 += w;

    double[] perf = new double[p];
    double[] perfIndex = new double[p];
    double meanIndex = 0;
    for (int j = 0; j < p; j++) {
      double[] mmm = cases.meanMinMax(j);
      perf[j] = mmm[0];
      perfIndex[j] = mmm[2] > mmm[1] ? 100 * (mmm[0] - mmm[1]) / (mmm[2] - mmm[1]) : 50;
      meanIndex += perfIndex[j] / p;
    }
    List<DriverImportance> out = new ArrayList<>(p);
    for (int j = 0; j < p; j++) {
      double percent = 100 * raw[j] / r2;
      int sign = cases.correlation.getEntry(j, p) < 0 ? -1 : 1;
      Quadrant q = Quadrant.of(percent >= 100.0 / p, perfIndex[j] >= meanIndex);
      out.add(new DriverImportance(drivers.get(j).name(), raw[j], percent, sign, shapley[j], perf[j], perfIndex[j], q));
    }
    out.sort(Comparator.comparingDouble(DriverImportance::rawWeight).reversed());
    return new KeyDriverResult(outcome.name(), cases.rows(), r2, out);
  }
}
