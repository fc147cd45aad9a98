package io.wayfinder.core.voc.kpi;

import java.time.LocalDate;

/** Trend buckets: calendar day, ISO week (Monday first) or calendar month. */
public enum TrendPeriod {
  DAY,
  WEEK,
  MONTH;

  /** The epoch day on which the bucket holding {@code epochDay} starts. */
  public long startDay(long epochDay) {
    return switch (this) {
      case DAY -> epochDay;
      // 1970-01-01 was a Thursday, three days after a Monday.
      case WEEK -> epochDay - Math.floorMod(epochDay + 3, 7);
      case MONTH -> LocalDate.ofEpochDay(epochDay).withDayOfMonth(1).toEpochDay();
    };
  }
}
