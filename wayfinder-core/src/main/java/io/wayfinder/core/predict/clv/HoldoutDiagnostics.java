package io.wayfinder.core.predict.clv;

import io.wayfinder.core.predict.clv.model.GammaGamma;
import io.wayfinder.core.predict.clv.model.TransactionModel;
import io.wayfinder.core.predict.clv.summary.CohortSummary;
import io.wayfinder.core.predict.clv.summary.CustomerSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * How well a fitted model predicts the holdout period: the two checks of Fader, Hardie &amp; Lee
 * (2005).
 *
 * <ul>
 *   <li>{@link #tracking}: cumulative repeat transactions of the whole cohort per period, actual
 *       against {@code Σ_i E[X(end of period - birth_i)]} (the model's unconditional
 *       expectation for each customer from her first purchase on).
 *   <li>{@link #byFrequency}: customers grouped by calibration frequency x; mean actual holdout
 *       transactions against the mean of {@code E[Y(holdout) | x, t_x, T]}.
 * </ul>
 */
public final class HoldoutDiagnostics {
  private HoldoutDiagnostics() {}

  /** One period of the tracking series (period k ends {@code k} units after the origin). */
  public record TrackingPoint(int period, long actual, long actualCumulative, double predicted, double predictedCumulative) {}

  /**
   * One calibration-frequency group; the last group pools every x at or above its {@code x}.
   *
   * @param x the calibration frequency (the lowest of a pooled group)
   * @param pooled whether this group holds every x from {@code x} up
   */
  public record FrequencyGroup(int x, boolean pooled, int customers, double actualMean, double predictedMean) {}

  /**
   * Totals over the holdout.
   *
   * @param length holdout length in time units
   * @param actual repeat transactions in the holdout
   * @param predictedUnconditional from each customer's age at the calibration end, without her
   *     history: {@code Σ_i E[X(T_i + length)] -
   *     E[X(T_i)]}
   * @param predictedConditional {@code Σ_i E[Y(length) | x_i, t_x_i, T_i]}
   */
  public record Totals(double length, long actual, double predictedUnconditional, double predictedConditional) {}

  /** The tracking series over every period of {@code summary}. */
  public static List<TrackingPoint> tracking(TransactionModel model, CohortSummary summary) {
    TreeMap<Double, Integer> births = new TreeMap<>();
    for (double b : summary.birthOffsets()) births.merge(b, 1, Integer::sum);
    long[] actual = summary.repeatTransactionsPerPeriod();
    List<TrackingPoint> out = new ArrayList<>(actual.length);
    long cumActual = 0;
    double previous = 0;
    for (int k = 1; k <= actual.length; k++) {
      double cum = 0;
      for (var e : births.entrySet()) {
        double age = k - e.getKey();
        if (age <= 0) break;
        cum += e.getValue() * model.expectedPurchases(age);
      }
      cumActual += actual[k - 1];
      out.add(new TrackingPoint(k, actual[k - 1], cumActual, cum - previous, cum));
      previous = cum;
    }
    return out;
  }

  /** Groups x = 0, 1, …, pooledFrom-1 and pooledFrom+ ({@code pooledFrom >= 1}). */
  public static List<FrequencyGroup> byFrequency(TransactionModel model, CohortSummary summary, int pooledFrom) {
    if (pooledFrom < 1) throw new IllegalArgumentException("pooledFrom must be >= 1");
    double h = summary.holdoutLength();
    int[] n = new int[pooledFrom + 1];
    double[] actual = new double[pooledFrom + 1];
    double[] predicted = new double[pooledFrom + 1];
    for (CustomerSummary c : summary.customers()) {
      int g = Math.min(c.x(), pooledFrom);
      n[g]++;
      actual[g] += c.holdoutX();
      predicted[g] += model.conditionalExpectedPurchases(h, c.x(), c.tx(), c.T());
    }
    List<FrequencyGroup> out = new ArrayList<>();
    for (int g = 0; g <= pooledFrom; g++) {
      if (n[g] == 0) continue;
      out.add(new FrequencyGroup(g, g == pooledFrom, n[g], actual[g] / n[g], predicted[g] / n[g]));
    }
    return out;
  }

  /** Holdout totals, actual and predicted both ways. */
  public static Totals totals(TransactionModel model, CohortSummary summary) {
    double h = summary.holdoutLength();
    long actual = 0;
    double unconditional = 0;
    double conditional = 0;
    for (CustomerSummary c : summary.customers()) {
      actual += c.holdoutX();
      unconditional += model.expectedPurchases(c.T() + h) - model.expectedPurchases(c.T());
      conditional += model.conditionalExpectedPurchases(h, c.x(), c.tx(), c.T());
    }
    return new Totals(h, actual, unconditional, conditional);
  }

  /**
   * Spend check for Gamma-Gamma: over customers with repeat purchases in both periods, the mean
   * of the actual holdout mean transaction value against the mean of the model's expectation.
   *
   * @param customers customers in the comparison
   */
  public record SpendCheck(int customers, double actualMean, double predictedMean) {}

  /** See {@link SpendCheck}. */
  public static SpendCheck spend(GammaGamma model, CohortSummary summary) {
    int n = 0;
    double actual = 0;
    double predicted = 0;
    for (CustomerSummary c : summary.customers()) {
      if (c.x() == 0 || c.holdoutX() == 0 || !(c.meanRepeatSpend() > 0)) continue;
      n++;
      actual += c.holdoutSpend() / c.holdoutX();
      predicted += model.expectedSpend(c.x(), c.meanRepeatSpend());
    }
    return n == 0 ? new SpendCheck(0, 0, 0) : new SpendCheck(n, actual / n, predicted / n);
  }
}
