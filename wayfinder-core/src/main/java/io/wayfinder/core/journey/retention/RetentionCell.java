package io.wayfinder.core.journey.retention;

import io.wayfinder.core.voc.kpi.Interval;

/**
 * One cell of a retention table: of the {@code eligible} customers whose period {@code offset}
 * has begun, {@code returned} came back; the rate with its 95 % Wilson score interval (null
 * when no customer is eligible yet).
 */
public record RetentionCell(int offset, int eligible, int returned, Double rate, Double low, Double high) {
  static final double CONFIDENCE = 0.95;

  static RetentionCell of(int offset, int eligible, int returned) {
    if (eligible == 0) return new RetentionCell(offset, 0, 0, null, null, null);
    Interval w = Interval.wilsonPercent(returned, eligible, CONFIDENCE);
    return new RetentionCell(offset, eligible, returned, (double) returned / eligible, w.low() / 100, w.high() / 100);
  }
}
