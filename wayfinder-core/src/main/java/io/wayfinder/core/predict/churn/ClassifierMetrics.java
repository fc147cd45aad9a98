package io.wayfinder.core.predict.churn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How good predicted probabilities are against what happened: discrimination (AUC) and
 * calibration (Brier score, reliability bins).
 *
 * @param rows predictions checked
 * @param positives rows whose outcome was positive (churned)
 * @param auc area under the ROC curve: the chance that a random churner is ranked above a random
 *     stayer (ties count half); null when one class is missing
 * @param brier mean squared difference between probability and outcome (0 is perfect; always
 *     predicting the base rate scores {@code rate·(1−rate)})
 * @param baseRate share of positive rows
 * @param reliability ten equal-width bins of predicted probability (empty bins left out)
 */
public record ClassifierMetrics(int rows, int positives, Double auc, double brier, double baseRate, List<Bin> reliability) {

  /** One reliability bin: predictions in {@code [from, to)}, their mean and the observed rate. */
  public record Bin(double from, double to, int rows, double meanPredicted, double observedRate) {}

  /** Computes the metrics of probabilities {@code p} for outcomes {@code y}. */
  public static ClassifierMetrics of(double[] p, boolean[] y) {
    if (p.length != y.length) throw new IllegalArgumentException("predictions and outcomes differ in length");
    if (p.length == 0) throw new IllegalArgumentException("no rows to evaluate");
    int n = p.length;
    int pos = 0;
    double brier = 0;
    for (int i = 0; i < n; i++) {
      if (y[i]) pos++;
      double d = p[i] - (y[i] ? 1 : 0);
      brier += d * d;
    }
    return new ClassifierMetrics(n, pos, auc(p, y), brier / n, (double) pos / n, bins(p, y, 10));
  }

  /** Mann–Whitney AUC with mid-ranks for ties; null without both classes. */
  static Double auc(double[] p, boolean[] y) {
    int n = p.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
    double rankSumPos = 0;
    long pos = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j + 1 < n && p[order[j + 1]] == p[order[i]]) j++;
      double midRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (y[order[k]]) {
          rankSumPos += midRank;
          pos++;
        }
      }
      i = j + 1;
    }
    long neg = n - pos;
    if (pos == 0 || neg == 0) return null;
    return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }

  private static List<Bin> bins(double[] p, boolean[] y, int k) {
    int[] count = new int[k];
    double[] sumP = new double[k];
    int[] hits = new int[k];
    for (int i = 0; i < p.length; i++) {
      int b = Math.min(k - 1, Math.max(0, (int) (p[i] * k)));
      count[b]++;
      sumP[b] += p[i];
      if (y[i]) hits[b]++;
    }
    List<Bin> out = new ArrayList<>();
    for (int b = 0; b < k; b++) {
      if (count[b] > 0) out.add(new Bin((double) b / k, (double) (b + 1) / k, count[b], sumP[b] / count[b], (double) hits[b] / count[b]));
    }
    return out;
  }
}
