package io.wayfinder.server.voc;

import io.javalin.http.Context;
import io.wayfinder.core.voc.kpi.Breakdown;
import io.wayfinder.core.voc.kpi.Dimension;
import io.wayfinder.core.voc.kpi.ScoreScale;
import io.wayfinder.core.voc.kpi.TrendPeriod;
import io.wayfinder.server.TimeBound;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a {@link Breakdown} from query parameters: {@code metric}, {@code by} (comma-separated
 * dimensions), {@code period}, {@code zone}, {@code from}/{@code to} (a date, inclusive, in the
 * zone; or an instant, {@code to} exclusive), {@code confidence}, and a filter per dimension
 * ({@code journey=home_loan}). Each error names its parameter.
 */
final class KpiQuery {
  private static final Pattern TRAIT = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private KpiQuery() {}

  static ScoreScale metric(Context ctx, String param) {
    String m = ctx.queryParam(param);
    if (m == null) throw new IllegalArgumentException(param + ": required, one of nps, csat, ces");
    try {
      return ScoreScale.valueOf(m.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(param + ": one of nps, csat, ces; got '" + m + "'");
    }
  }

  static Breakdown breakdown(Context ctx) {
    ZoneId zone = zone(ctx);
    Breakdown b = Breakdown.of(metric(ctx, "metric")).inZone(zone);
    String by = ctx.queryParam("by");
    if (by != null && !by.isBlank()) {
      List<Dimension> dims = new ArrayList<>();
      for (String d : by.split(",")) dims.add(dimension(d.strip(), "by"));
      b = b.by(dims.toArray(Dimension[]::new));
    }
    String period = ctx.queryParam("period");
    if (period != null && !period.isBlank()) {
      try {
        b = b.per(TrendPeriod.valueOf(period.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("period: one of day, week, month; got '" + period + "'");
      }
    }
    b = filtered(ctx, b);
    Instant from = time(ctx, "from", zone, false);
    Instant to = time(ctx, "to", zone, true);
    if (from != null || to != null) b = b.between(from, to);
    String c = ctx.queryParam("confidence");
    if (c != null) {
      try {
        b = b.withConfidence(Double.parseDouble(c));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("confidence: a number between 0 and 1, e.g. 0.95");
      }
    }
    return b;
  }

  /** Adds a filter for every dimension given as a parameter. */
  static Breakdown filtered(Context ctx, Breakdown b) {
    for (Dimension d : Dimension.values()) {
      String v = ctx.queryParam(d.name().toLowerCase(Locale.ROOT));
      if (v != null) b = b.where(d, v);
    }
    return b;
  }

  static Dimension dimension(String name, String param) {
    try {
      return Dimension.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(param + ": one of journey, stage, touchpoint, channel, segment; got '" + name + "'");
    }
  }

  static ZoneId zone(Context ctx) {
    String z = ctx.queryParam("zone");
    if (z == null) return ZoneOffset.UTC;
    try {
      return ZoneId.of(z);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("zone: a time zone such as Europe/Paris or UTC; got '" + z + "'");
    }
  }

  /** A date (the day's start; for an end, the next day's) or an instant. */
  static Instant time(Context ctx, String param, ZoneId zone, boolean end) {
    String v = ctx.queryParam(param);
    if (v == null || v.isBlank()) return null;
    try {
      return TimeBound.parse(v, zone, end);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(param + ": a date (2024-03-01) or an instant (2024-03-01T00:00:00Z); got '" + v + "'");
    }
  }

  static final String DEFAULT_SEGMENT_TRAIT = "plan";

  static String segmentTrait(Context ctx) {
    String t = ctx.queryParam("segmentTrait");
    if (t == null) return DEFAULT_SEGMENT_TRAIT;
    if (!TRAIT.matcher(t).matches()) throw new IllegalArgumentException("segmentTrait: a trait name (letters, digits, _ . -)");
    return t;
  }

  /** A NaN (no responses) as JSON null. */
  static Double num(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
  }
}
