package io.wayfinder.server.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** A [from, to) window from {@code from}/{@code to} query parameters (ISO dates or instants); open ends are null. */
record Period(Instant from, Instant to) {
  static Period of(Context ctx) {
    return new Period(instant(ctx, "from"), instant(ctx, "to"));
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

  private static Instant instant(Context ctx, String param) {
    String v = ctx.queryParam(param);
    if (v == null || v.isBlank()) return null;
    try {
      return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(param + ": expected an ISO-8601 date or instant, got '" + v + "'");
    }
  }
}
