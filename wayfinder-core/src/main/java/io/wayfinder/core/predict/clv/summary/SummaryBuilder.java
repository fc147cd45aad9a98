package io.wayfinder.core.predict.clv.summary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns purchases into per-customer summaries ({@link CustomerSummary}) split at a calibration
 * end, plus the per-period series of repeat transactions.
 *
 * <p>Rules (the ones BTYD, lifetimes and the CDNOW literature use):
 *
 * <ul>
 *   <li>Purchases by one customer on the same day are merged into one transaction whose value is
 *       their sum. The order of purchases in the input does not matter.
 *   <li>A customer's first transaction ("birth") is not a repeat transaction; x counts the
 *       transactions after it up to and including the calibration end.
 *   <li>t_x and T are whole days divided by the unit's length ({@code (last - first)/7} weeks).
 *   <li>Customers whose first purchase is after the calibration end are not in the cohort: they
 *       are left out and counted ({@link CohortSummary#customersBornAfterCalibration()}).
 *   <li>Purchases after the window end (observation end, or calibration end without one) are
 *       ignored and counted ({@link CohortSummary#purchasesAfterWindow()}).
 * </ul>
 *
 * <p>Use: {@code SummaryBuilder.calibrationEnd(d).observationEnd(e).scale(WEEKS)}, then {@link #add}
 * every purchase, then {@link #build}. Purchases are held as primitive arrays, so a few million
 * fit comfortably in memory.
 */
public final class SummaryBuilder {
  private final LocalDate calibrationEnd;
  private LocalDate observationEnd;
  private LocalDate origin;
  private TimeScale scale = TimeScale.WEEKS;
  private int roundDecimals = -1;

  private final Map<String, Integer> index = new HashMap<>();
  private final List<String> ids = new ArrayList<>();
  private int[] customer = new int[1024];
  private int[] day = new int[1024];
  private double[] amount = new double[1024];
  private int n;

  private SummaryBuilder(LocalDate calibrationEnd) {
    this.calibrationEnd = Objects.requireNonNull(calibrationEnd, "calibrationEnd");
  }

  /** Starts a builder whose calibration period ends on (and includes) {@code calibrationEnd}. */
  public static SummaryBuilder calibrationEnd(LocalDate calibrationEnd) {
    return new SummaryBuilder(calibrationEnd);
  }

  /**
   * The holdout runs from the day after the calibration end to {@code observationEnd} inclusive;
   * null for no holdout.
   */
  public SummaryBuilder observationEnd(LocalDate observationEnd) {
    this.observationEnd = observationEnd;
    return this;
  }

  /** The first day of period 1 of the repeat-transaction series; default the earliest purchase. */
  public SummaryBuilder origin(LocalDate origin) {
    this.origin = origin;
    return this;
  }

  /** Time unit of t_x, T and the series periods; default weeks. */
  public SummaryBuilder scale(TimeScale scale) {
    this.scale = Objects.requireNonNull(scale, "scale");
    return this;
  }

  /**
   * Rounds t_x, T and the mean repeat spend half-up to {@code decimals} places, as published
   * summaries do (the CDNOW summary used by lifetimes has 2); negative for no rounding (default).
   * Only for reproducing such tables: rounding throws information away.
   */
  public SummaryBuilder roundTo(int decimals) {
    this.roundDecimals = decimals;
    return this;
  }

  /** Adds one purchase. */
  public SummaryBuilder add(Purchase p) {
    Integer c = index.get(p.customerId());
    if (c == null) {
      c = ids.size();
      index.put(p.customerId(), c);
      ids.add(p.customerId());
    }
    if (n == customer.length) {
      int cap = n * 2;
      customer = Arrays.copyOf(customer, cap);
      day = Arrays.copyOf(day, cap);
      amount = Arrays.copyOf(amount, cap);
    }
    customer[n] = c;
    day[n] = Math.toIntExact(p.date().toEpochDay());
    amount[n] = p.amount();
    n++;
    return this;
  }

  /** Adds every purchase. */
  public SummaryBuilder addAll(Iterable<Purchase> purchases) {
    for (Purchase p : purchases) add(p);
    return this;
  }

  /**
   * Builds the summaries.
   *
   * @throws IllegalArgumentException if there are no purchases, the observation end is before the
   *     calibration end, no customer made a first purchase on or before the calibration end, or
   *     the origin is after the earliest purchase
   */
  public CohortSummary build() {
    if (n == 0) throw new IllegalArgumentException("no purchases: nothing to summarise");
    if (observationEnd != null && observationEnd.isBefore(calibrationEnd)) {
      throw new IllegalArgumentException("observation end " + observationEnd + " is before calibration end " + calibrationEnd);
    }
    int calEnd = Math.toIntExact(calibrationEnd.toEpochDay());
    int windowEnd = Math.toIntExact((observationEnd != null ? observationEnd : calibrationEnd).toEpochDay());
    int unit = scale.days();

    // Group purchases by customer (counting sort), keeping only those inside the window.
    int customers = ids.size();
    int[] start = new int[customers + 1];
    int afterWindow = 0;
    int minDay = Integer.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      if (day[i] > windowEnd) {
        afterWindow++;
      } else {
        start[customer[i] + 1]++;
        minDay = Math.min(minDay, day[i]);
      }
    }
    for (int c = 0; c < customers; c++) start[c + 1] += start[c];
    int[] fill = Arrays.copyOf(start, customers);
    int[] sDay = new int[start[customers]];
    double[] sAmount = new double[start[customers]];
    for (int i = 0; i < n; i++) {
      if (day[i] <= windowEnd) {
        int pos = fill[customer[i]]++;
        sDay[pos] = day[i];
        sAmount[pos] = amount[i];
      }
    }
    if (start[customers] == 0) {
      throw new IllegalArgumentException("every purchase is after " + (observationEnd != null ? "the observation end " : "the calibration end ")
          + LocalDate.ofEpochDay(windowEnd));
    }

    int originDay = origin != null ? Math.toIntExact(origin.toEpochDay()) : minDay;
    if (originDay > minDay) {
      throw new IllegalArgumentException("origin " + origin + " is after the earliest purchase " + LocalDate.ofEpochDay(minDay));
    }
    if (minDay > calEnd) {
      throw new IllegalArgumentException("no customer made a first purchase on or before the calibration end " + calibrationEnd
          + " (earliest purchase " + LocalDate.ofEpochDay(minDay) + ")");
    }
    int periods = (windowEnd - originDay) / unit + 1;
    long[] repeatPerPeriod = new long[periods];

    List<CustomerSummary> out = new ArrayList<>();
    int bornAfter = 0;
    long transactions = 0;
    int[] mDay = new int[16];
    double[] mAmount = new double[16];
    for (int c = 0; c < customers; c++) {
      int from = start[c];
      int to = start[c + 1];
      if (from == to) continue; // every purchase of this customer is after the window
      sortByDay(sDay, sAmount, from, to);
      if (sDay[from] > calEnd) {
        bornAfter++;
        continue;
      }
      // merge same-day purchases
      int m = 0;
      if (mDay.length < to - from) {
        mDay = new int[to - from];
        mAmount = new double[to - from];
      }
      for (int i = from; i < to; i++) {
        if (m > 0 && mDay[m - 1] == sDay[i]) {
          mAmount[m - 1] += sAmount[i];
        } else {
          mDay[m] = sDay[i];
          mAmount[m] = sAmount[i];
          m++;
        }
      }
      transactions += m;
      int birth = mDay[0];
      int x = 0;
      int last = birth;
      double repeatSum = 0;
      int holdoutX = 0;
      double holdoutSpend = 0;
      for (int j = 1; j < m; j++) {
        repeatPerPeriod[(mDay[j] - originDay) / unit]++;
        if (mDay[j] <= calEnd) {
          x++;
          last = mDay[j];
          repeatSum += mAmount[j];
        } else {
          holdoutX++;
          holdoutSpend += mAmount[j];
        }
      }
      double tx = round(scale.fromDays(last - birth));
      double bigT = round(scale.fromDays(calEnd - birth));
      double zbar = x == 0 ? 0 : round(repeatSum / x);
      out.add(new CustomerSummary(ids.get(c), LocalDate.ofEpochDay(birth), x, tx, bigT, zbar, mAmount[0], holdoutX, holdoutSpend));
    }
    double holdoutLength = observationEnd == null ? 0 : scale.fromDays(windowEnd - calEnd);
    return new CohortSummary(out, scale, LocalDate.ofEpochDay(originDay), calibrationEnd, observationEnd, holdoutLength,
        n, transactions, afterWindow, bornAfter, repeatPerPeriod, (calEnd - originDay) / unit + 1);
  }

  private double round(double v) {
    if (roundDecimals < 0) return v;
    // Two steps: first to 9 places, which removes binary noise such as 22.364999999999998 for a
    // decimal 22.365, then half-up to the requested places.
    return new BigDecimal(v).setScale(9, RoundingMode.HALF_EVEN).setScale(roundDecimals, RoundingMode.HALF_UP).doubleValue();
  }

  /** Sorts one customer's purchases by day (insertion sort: histories are short and often sorted). */
  private static void sortByDay(int[] d, double[] a, int from, int to) {
    if (to - from > 64) {
      long[] keys = new long[to - from];
      for (int i = from; i < to; i++) keys[i - from] = ((long) d[i] << 32) | (i - from);
      Arrays.sort(keys);
      int[] dd = Arrays.copyOfRange(d, from, to);
      double[] aa = Arrays.copyOfRange(a, from, to);
      for (int i = 0; i < keys.length; i++) {
        int k = (int) keys[i];
        d[from + i] = dd[k];
        a[from + i] = aa[k];
      }
      return;
    }
    for (int i = from + 1; i < to; i++) {
      int kd = d[i];
      double ka = a[i];
      int j = i - 1;
      while (j >= from && d[j] > kd) {
        d[j + 1] = d[j];
        a[j + 1] = a[j];
        j--;
      }
      d[j + 1] = kd;
      a[j + 1] = ka;
    }
  }
}
