package io.wayfinder.server.web;

import io.javalin.http.Context;
import io.wayfinder.server.TimeBound;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A [from, to) window from {@code from}/{@code to} query parameters, read as every API reads them
 * ({@link TimeBound}: a {@code to} date includes its day); open ends are null.
 */
record Period(Instant from, Instant to) {
  static Period of(Context ctx) {
    return new Period(instant(ctx, "from", false), instant(ctx, "to", true));
  }

  /** SQL condition on {@code ts}; the bounds are bound by {@link #bind}. */
  String where(String column) {
    return (from == null ? "" : " AND " + column + " >= ?") + (to == null ? "" : " AND " + column + " < ?");
  }

  int bind(java.sql.PreparedStatement ps, int index) throws java.sql.SQLException {
    if (from != null) ps.setObject(index++, from.atOffset(ZoneOffset.UTC));
    if (to != null) ps.setObject(index++, to.atOffset(ZoneOffset.UTC));
    return index;
  }

  private static Instant instant(Context ctx, String param, boolean end) {
    String v = ctx.queryParam(param);
    if (v == null || v.isBlank()) return null;
    try {
      return TimeBound.parse(v.strip(), end);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(param + ": expected an ISO-8601 date or instant, got '" + v + "'");
    }
  }
}
