package io.wayfinder.core.predict.clv.model;

/**
 * The input of the Gamma-Gamma spend model: per repeat customer the number of repeat purchases
 * {@code x > 0} and their mean value {@code zbar > 0}, compressed to distinct pairs with counts.
 */
public final class SpendData {
  private final Triples rows;
  private final int customers;
  private final double[] logZbar;

  private SpendData(Triples rows, int customers) {
    this.rows = rows;
    this.customers = customers;
    this.logZbar = new double[rows.size()];
    for (int i = 0; i < logZbar.length; i++) logZbar[i] = Math.log(rows.u[i]);
  }

  /**
   * Builds the data from one entry per customer. Callers choose who enters: the usual rule (and
   * the one {@code CohortSummary.spendData()} applies) is customers with x &gt; 0 and zbar &gt; 0.
   *
   * @throws IllegalArgumentException naming the first bad entry: x &lt;= 0, zbar not finite or
   *     &lt;= 0, different lengths, or no customers
   */
  public static SpendData of(int[] x, double[] zbar) {
    if (x.length != zbar.length) throw new IllegalArgumentException("x and zbar must have the same length");
    if (x.length == 0) {
      throw new IllegalArgumentException("no repeat customers with a positive mean spend: the spend model needs at least one");
    }
    for (int i = 0; i < x.length; i++) {
      if (x[i] <= 0) throw new IllegalArgumentException("customer #" + i + ": the spend model needs x > 0, got " + x[i]);
      if (!(Double.isFinite(zbar[i]) && zbar[i] > 0)) {
        throw new IllegalArgumentException("customer #" + i + ": mean spend must be finite and > 0, got " + zbar[i]);
      }
    }
    return new SpendData(Triples.compress(x, zbar, new double[x.length]), x.length);
  }

  public int customers() {
    return customers;
  }

  public int size() {
    return rows.size();
  }

  public int x(int row) {
    return rows.k[row];
  }

  public double zbar(int row) {
    return rows.u[row];
  }

  double logZbar(int row) {
    return logZbar[row];
  }

  public double count(int row) {
    return rows.count[row];
  }

  /** Customer-weighted mean of zbar. */
  public double meanZbar() {
    double s = 0;
    for (int i = 0; i < size(); i++) s += rows.u[i] * rows.count[i];
    return s / customers;
  }
}
