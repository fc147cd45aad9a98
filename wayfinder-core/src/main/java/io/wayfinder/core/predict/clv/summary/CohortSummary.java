package io.wayfinder.core.predict.clv.summary;

import io.wayfinder.core.predict.clv.model.FrequencyData;
import io.wayfinder.core.predict.clv.model.SpendData;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The customers of a cohort (everyone with a first purchase on or before the calibration end),
 * summarised by {@link SummaryBuilder}, with the repeat-transaction series and counts of what was
 * left out.
 */
public final class CohortSummary {
  private final List<CustomerSummary> customers;
  private final TimeScale scale;
  private final LocalDate origin;
  private final LocalDate calibrationEnd;
  private final LocalDate observationEnd;
  private final double holdoutLength;
  private final int purchases;
  private final long transactions;
  private final int purchasesAfterWindow;
  private final int customersBornAfterCalibration;
  private final long[] repeatPerPeriod;
  private final int calibrationPeriods;

  CohortSummary(List<CustomerSummary> customers, TimeScale scale, LocalDate origin, LocalDate calibrationEnd,
      LocalDate observationEnd, double holdoutLength, int purchases, long transactions, int purchasesAfterWindow,
      int customersBornAfterCalibration, long[] repeatPerPeriod, int calibrationPeriods) {
    this.customers = List.copyOf(customers);
    this.scale = scale;
    this.origin = origin;
    this.calibrationEnd = calibrationEnd;
    this.observationEnd = observationEnd;
    this.holdoutLength = holdoutLength;
    this.purchases = purchases;
    this.transactions = transactions;
    this.purchasesAfterWindow = purchasesAfterWindow;
    this.customersBornAfterCalibration = customersBornAfterCalibration;
    this.repeatPerPeriod = repeatPerPeriod;
    this.calibrationPeriods = calibrationPeriods;
  }

  /** The cohort, in order of each customer's first appearance in the input. */
  public List<CustomerSummary> customers() {
    return customers;
  }

  public TimeScale scale() {
    return scale;
  }

  /** First day of period 1 of {@link #repeatTransactionsPerPeriod()}. */
  public LocalDate origin() {
    return origin;
  }

  public LocalDate calibrationEnd() {
    return calibrationEnd;
  }

  public Optional<LocalDate> observationEnd() {
    return Optional.ofNullable(observationEnd);
  }

  /** Length of the holdout in the time unit (0 without an observation end). */
  public double holdoutLength() {
    return holdoutLength;
  }

  /** Purchases given to the builder, including the ones left out. */
  public int purchases() {
    return purchases;
  }

  /** Transactions (customer-days, after merging) of cohort customers inside the window. */
  public long transactions() {
    return transactions;
  }

  /** Purchases after the window end, ignored. */
  public int purchasesAfterWindow() {
    return purchasesAfterWindow;
  }

  /** Customers whose first purchase is after the calibration end, left out of the cohort. */
  public int customersBornAfterCalibration() {
    return customersBornAfterCalibration;
  }

  /**
   * Repeat transactions of the cohort per period: element k is period k+1, which covers the days
   * {@code [origin + k*unit, origin + (k+1)*unit)}; runs to the period holding the window end.
   */
  public long[] repeatTransactionsPerPeriod() {
    return repeatPerPeriod.clone();
  }

  /** The running total of {@link #repeatTransactionsPerPeriod()}. */
  public long[] cumulativeRepeatTransactions() {
    long[] c = repeatPerPeriod.clone();
    Arrays.parallelPrefix(c, Long::sum);
    return c;
  }

  /** Number of periods up to and including the one holding the calibration end. */
  public int calibrationPeriods() {
    return calibrationPeriods;
  }

  /** Time from the origin to each customer's first purchase, in the unit (for tracking plots). */
  public double[] birthOffsets() {
    long o = origin.toEpochDay();
    return customers.stream().mapToDouble(c -> scale.fromDays(c.firstPurchase().toEpochDay() - o)).toArray();
  }

  /** (x, t_x, T) of every customer, for the purchase-count models. */
  public FrequencyData frequencyData() {
    int n = customers.size();
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      CustomerSummary c = customers.get(i);
      x[i] = c.x();
      tx[i] = c.tx();
      t[i] = c.T();
    }
    return FrequencyData.of(x, tx, t);
  }

  /**
   * (x, zbar) of the repeat customers with a positive mean repeat spend, for the Gamma-Gamma
   * model. Customers without repeat purchases carry no spend information beyond the first
   * purchase, which the model (like the literature) leaves out; repeat customers whose repeat
   * purchases were all worth 0 cannot enter a Gamma likelihood and are left out too (see
   * {@link #repeatCustomersWithoutSpend()}).
   */
  public SpendData spendData() {
    int[] x = customers.stream().filter(CohortSummary::hasSpend).mapToInt(CustomerSummary::x).toArray();
    double[] z = customers.stream().filter(CohortSummary::hasSpend).mapToDouble(CustomerSummary::meanRepeatSpend).toArray();
    return SpendData.of(x, z);
  }

  /** Repeat customers whose repeat purchases average 0, left out of the spend model. */
  public int repeatCustomersWithoutSpend() {
    return (int) customers.stream().filter(c -> c.x() > 0 && !hasSpend(c)).count();
  }

  private static boolean hasSpend(CustomerSummary c) {
    return c.x() > 0 && c.meanRepeatSpend() > 0;
  }
}
