package io.wayfinder.core.predict.clv.summary;

/**
 * The time unit of summaries and models. Model parameters such as α and β are per unit, so a fit
 * in weeks and one in days differ by the factor 7 in those parameters.
 */
public enum TimeScale {
  DAYS(1, 30.0),
  WEEKS(7, 4.345);

  private final int days;
  private final double perMonth;

  TimeScale(int days, double perMonth) {
    this.days = days;
    this.perMonth = perMonth;
  }

  /** Days in one unit. */
  public int days() {
    return days;
  }

  /**
   * Units in a month for monthly discounting in CLV: 4.345 weeks or 30 days, the factors
   * lifetimes' {@code customer_lifetime_value} uses (so results match it).
   */
  public double perMonth() {
    return perMonth;
  }

  /** Converts a number of days to this unit. */
  public double fromDays(long d) {
    return (double) d / days;
  }
}
