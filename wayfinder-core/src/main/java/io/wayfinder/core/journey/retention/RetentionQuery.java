package io.wayfinder.core.journey.retention;

import io.wayfinder.core.journey.dataset.EventFilter;
import io.wayfinder.core.journey.dataset.Segment;
import java.time.Instant;
import java.util.Locale;

/**
 * A retention query, as a value. A customer is acquired at their first start event (any event
 * when {@code start} is null); their acquisition {@code cohortBy} period names their cohort.
 * They count as returned in period N (0 to {@code periods}) when a returning event (any event
 * when {@code returning} is null) later than their start event falls N calendar {@code period}s
 * after it ({@code exact}), or N or more ({@code onOrAfter}, "unbounded"). A cell counts only
 * customers whose period N has begun by the last event of the log. Run it with {@link RetentionEngine}.
 *
 * @param start the acquisition event, or null for any event
 * @param returning the returning event, or null for any event
 * @param period the unit of the offsets: day, week (ISO, Monday first) or month (UTC calendar); default week
 * @param cohortBy the acquisition period of the cohort rows; default month
 * @param periods the last offset (0 to 400); default 12
 * @param mode exact (default) or onOrAfter
 * @param breakdown rows by cohort (acquisition period, default), channel (of the start event),
 *     segment:TRAIT (trait value), journey (each journey the customer entered) or none
 * @param from only customers acquired at or after this, or null
 * @param to only customers acquired before this, or null
 * @param segment only customers with this trait value ({@code trait=value}), or null
 * @param cohort only the customers of this saved cohort (its id), or null
 */
public record RetentionQuery(EventFilter start, EventFilter returning, String period, String cohortBy, Integer periods,
    String mode, String breakdown, Instant from, Instant to, String segment, String cohort) {
  public static final int MAX_PERIODS = 400;

  public RetentionQuery {
    period = periodUnit(period, "period", Period.WEEK).name().toLowerCase(Locale.ROOT);
    cohortBy = periodUnit(cohortBy, "cohortBy", Period.MONTH).name().toLowerCase(Locale.ROOT);
    if (periods != null && (periods < 0 || periods > MAX_PERIODS)) {
      throw new IllegalArgumentException("periods: expected 0 to " + MAX_PERIODS + ", got " + periods);
    }
    periods = periods == null ? 12 : periods;
    mode = mode == null ? "exact" : mode.strip();
    if (!mode.equals("exact") && !mode.equals("onOrAfter")) {
      throw new IllegalArgumentException("mode: expected exact or onOrAfter, got '" + mode + "'");
    }
    breakdown = breakdown == null || breakdown.isBlank() ? "cohort" : breakdown.strip();
    if (!breakdown.equals("cohort") && !breakdown.equals("channel") && !breakdown.equals("journey")
        && !breakdown.equals("none") && !(breakdown.startsWith("segment:") && breakdown.length() > 8)) {
      throw new IllegalArgumentException("breakdown: expected cohort, channel, segment:TRAIT, journey or none, got '" + breakdown + "'");
    }
    if (from != null && to != null && !from.isBefore(to)) throw new IllegalArgumentException("from: must be before to");
    Segment.parse(segment);
    if (cohort != null && cohort.isBlank()) throw new IllegalArgumentException("cohort: must not be blank");
  }

  /** Weekly retention of monthly acquisition cohorts over 12 weeks, on any event. */
  public static RetentionQuery defaults() {
    return new RetentionQuery(null, null, null, null, null, null, null, null, null, null, null);
  }

  public Period periodUnit() {
    return Period.parse(period, "period");
  }

  public Period cohortUnit() {
    return Period.parse(cohortBy, "cohortBy");
  }

  public boolean onOrAfter() {
    return mode.equals("onOrAfter");
  }

  private static Period periodUnit(String text, String field, Period fallback) {
    Period p = Period.parse(text, field);
    return p == null ? fallback : p;
  }
}
