package io.wayfinder.core.predict.clv;

import io.wayfinder.core.predict.clv.model.TransactionModel;

/**
 * Customer lifetime value over a horizon of months, discounted monthly.
 *
 * <p>Convention (that of lifetimes' {@code GammaGammaFitter.customer_lifetime_value}, so the
 * published CDNOW numbers reproduce): {@code CLV = Σ_{m=1..months} spend · [E(m·u) - E((m-1)·u)]
 * / (1+d)^m}, where {@code E(t)} is the model's expected purchases in the next t time units given
 * the customer's history, {@code u} the time units per month (4.345 weeks, 30 days) and
 * {@code spend} the expected value of one transaction (e.g. from Gamma-Gamma).
 */
public final class LifetimeValue {
  private LifetimeValue() {}

  /**
   * @param model the purchase-count model
   * @param x repeat purchases in calibration
   * @param tx time of the last of them
   * @param T age at the calibration end
   * @param expectedSpend expected value of one future transaction
   * @param months horizon in months, {@code >= 0}
   * @param monthlyDiscountRate discount rate per month, {@code > -1} (0.01 for 1 %)
   * @param unitsPerMonth the model's time units in a month
   */
  public static double clv(TransactionModel model, int x, double tx, double T, double expectedSpend, int months,
      double monthlyDiscountRate, double unitsPerMonth) {
    if (months < 0) throw new IllegalArgumentException("months must be >= 0, got " + months);
    if (!(monthlyDiscountRate > -1 && Double.isFinite(monthlyDiscountRate))) {
      throw new IllegalArgumentException("discount rate must be finite and > -1, got " + monthlyDiscountRate);
    }
    if (!(unitsPerMonth > 0 && Double.isFinite(unitsPerMonth))) {
      throw new IllegalArgumentException("units per month must be finite and > 0, got " + unitsPerMonth);
    }
    double total = 0;
    double previous = 0;
    for (int m = 1; m <= months; m++) {
      double cumulative = model.conditionalExpectedPurchases(m * unitsPerMonth, x, tx, T);
      total += expectedSpend * (cumulative - previous) / Math.pow(1 + monthlyDiscountRate, m);
      previous = cumulative;
    }
    return total;
  }
}
