package io.wayfinder.core.voc.kpi;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A KPI question as a value: which scale, grouped by which dimensions, bucketed by which period,
 * over which time range and filters. {@link BreakdownEngine} runs it; another engine (Spark) can
 * run the same value. Build with {@link #of} and the {@code by/per/…} methods, each returning a
 * new value.
 *
 * @param period {@code null} for no time buckets
 * @param zone the time zone in which days, weeks and months are cut
 * @param from inclusive start of the time range, {@code null} for unbounded
 * @param to exclusive end of the time range, {@code null} for unbounded
 * @param filters responses kept only when the dimension has exactly this value
 * @param confidence of the intervals, e.g. 0.95
 */
public record Breakdown(
    ScoreScale scale,
    List<Dimension> dimensions,
    TrendPeriod period,
    ZoneId zone,
    Instant from,
    Instant to,
    Map<Dimension, String> filters,
    double confidence) {

  public Breakdown {
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(zone, "zone");
    dimensions = List.copyOf(dimensions);
    if (dimensions.stream().distinct().count() != dimensions.size()) {
      throw new IllegalArgumentException("a dimension appears twice: " + dimensions);
    }
    filters = filters.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(filters));
    Interval.checkConfidence(confidence);
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("time range is empty: " + from + " … " + to);
    }
  }

  /** All responses on the scale as one group, 95 % intervals, UTC. */
  public static Breakdown of(ScoreScale scale) {
    return new Breakdown(scale, List.of(), null, ZoneOffset.UTC, null, null, Map.of(), 0.95);
  }

  public Breakdown by(Dimension... dims) {
    return new Breakdown(scale, List.of(dims), period, zone, from, to, filters, confidence);
  }

  public Breakdown per(TrendPeriod p) {
    return new Breakdown(scale, dimensions, p, zone, from, to, filters, confidence);
  }

  public Breakdown inZone(ZoneId z) {
    return new Breakdown(scale, dimensions, period, z, from, to, filters, confidence);
  }

  public Breakdown between(Instant fromInclusive, Instant toExclusive) {
    return new Breakdown(scale, dimensions, period, zone, fromInclusive, toExclusive, filters, confidence);
  }

  public Breakdown where(Dimension dim, String value) {
    Map<Dimension, String> f = new EnumMap<>(Dimension.class);
    f.putAll(filters);
    f.put(dim, Objects.requireNonNull(value, "value"));
    return new Breakdown(scale, dimensions, period, zone, from, to, f, confidence);
  }

  public Breakdown withConfidence(double c) {
    return new Breakdown(scale, dimensions, period, zone, from, to, filters, c);
  }
}
