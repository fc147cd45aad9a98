package io.wayfinder.core.predict.clv.model;

import java.util.Arrays;

/**
 * The input of the purchase-count models: per customer the number of repeat purchases {@code x},
 * the time of the last one {@code t_x} and the customer's age {@code T}, both measured from the
 * first purchase in one time unit. Stored compressed: each distinct {@code (x, t_x, T)} once, with
 * the number of customers who have it, sorted by x.
 */
public final class FrequencyData {
  private final Triples rows;
  private final int customers;
  private final long repeatPurchases;
  /** Distinct values among all t_x and T, ascending; the models compute log(α + t) once for each. */
  private final double[] times;
  private final int[] txIndex;
  private final int[] tIndex;

  private FrequencyData(Triples rows, int customers, long repeatPurchases) {
    this.rows = rows;
    this.customers = customers;
    this.repeatPurchases = repeatPurchases;
    int n = rows.size();
    double[] all = new double[2 * n];
    System.arraycopy(rows.u, 0, all, 0, n);
    System.arraycopy(rows.v, 0, all, n, n);
    Arrays.sort(all);
    int m = 0;
    for (int i = 0; i < all.length; i++) {
      if (m == 0 || all[i] != all[m - 1]) all[m++] = all[i];
    }
    this.times = Arrays.copyOf(all, m);
    this.txIndex = new int[n];
    this.tIndex = new int[n];
    for (int i = 0; i < n; i++) {
      txIndex[i] = Arrays.binarySearch(times, rows.u[i]);
      tIndex[i] = Arrays.binarySearch(times, rows.v[i]);
    }
  }

  /**
   * Builds the data from one entry per customer.
   *
   * @throws IllegalArgumentException naming the first bad entry (index from 0): lengths differ,
   *     no customers, x &lt; 0, a time that is negative or not finite, t_x &gt; T, or t_x &ne; 0
   *     while x = 0
   */
  public static FrequencyData of(int[] x, double[] tx, double[] T) {
    if (x.length != tx.length || x.length != T.length) {
      throw new IllegalArgumentException("x, t_x and T must have the same length: " + x.length + ", " + tx.length + ", " + T.length);
    }
    if (x.length == 0) throw new IllegalArgumentException("no customers to fit");
    long repeat = 0;
    for (int i = 0; i < x.length; i++) {
      check(i, x[i], tx[i], T[i]);
      repeat += x[i];
    }
    return new FrequencyData(Triples.compress(x, tx, T), x.length, repeat);
  }

  /** Checks one customer's summary, as {@link #of} does. */
  public static void check(int i, int x, double tx, double T) {
    String who = "customer #" + i;
    if (x < 0) throw new IllegalArgumentException(who + ": x must be >= 0, got " + x);
    if (!(Double.isFinite(tx) && tx >= 0)) throw new IllegalArgumentException(who + ": t_x must be finite and >= 0, got " + tx);
    if (!(Double.isFinite(T) && T >= 0)) throw new IllegalArgumentException(who + ": T must be finite and >= 0, got " + T);
    if (tx > T) throw new IllegalArgumentException(who + ": t_x = " + tx + " is after T = " + T);
    if (x == 0 && tx != 0) throw new IllegalArgumentException(who + ": x = 0 needs t_x = 0, got " + tx);
  }

  /** Number of customers. */
  public int customers() {
    return customers;
  }

  /** Total repeat purchases, the sum of x. */
  public long repeatPurchases() {
    return repeatPurchases;
  }

  /** Number of distinct (x, t_x, T) rows. */
  public int size() {
    return rows.size();
  }

  public int x(int row) {
    return rows.k[row];
  }

  public double tx(int row) {
    return rows.u[row];
  }

  public double T(int row) {
    return rows.v[row];
  }

  /** How many customers share this row. */
  public double count(int row) {
    return rows.count[row];
  }

  /** Distinct time values (every t_x and T), ascending. */
  double[] times() {
    return times;
  }

  /** Index of the row's t_x in {@link #times()}. */
  int txIndex(int row) {
    return txIndex[row];
  }

  /** Index of the row's T in {@link #times()}. */
  int tIndex(int row) {
    return tIndex[row];
  }

  /** {@code log(c + t)} for every distinct time t. */
  double[] logShifted(double c) {
    double[] out = new double[times.length];
    for (int i = 0; i < out.length; i++) out[i] = Math.log(c + times[i]);
    return out;
  }

  /** Mean T over customers; a natural scale for the rate parameters' starting values. */
  public double meanT() {
    double s = 0;
    for (int i = 0; i < size(); i++) s += rows.v[i] * rows.count[i];
    return s / customers;
  }
}
