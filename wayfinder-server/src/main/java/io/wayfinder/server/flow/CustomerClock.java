package io.wayfinder.server.flow;

import io.wayfinder.core.act.flow.FlowDefinition;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

/** The customer's clock: her zone from a trait (else the flow's fallback), next times of day, quiet hours. */
record CustomerClock(ZoneId zone) {
  static CustomerClock of(FlowDefinition def, Map<String, ?> traits) {
    FlowDefinition.CustomerTimeZone tz = def.customerTimeZone();
    Object v = traits.get(tz.trait() == null ? "timezone" : tz.trait());
    if (v instanceof String s) {
      try {
        return new CustomerClock(ZoneId.of(s));
      } catch (DateTimeException e) {
        // an invalid zone in a trait falls back, as documented
      }
    }
    return new CustomerClock(ZoneId.of(tz.fallback() == null ? "UTC" : tz.fallback()));
  }

  /** The next {@code time} on her clock strictly after {@code now}. */
  Instant next(LocalTime time, Instant now) {
    ZonedDateTime local = now.atZone(zone);
    ZonedDateTime at = local.with(time).withNano(0);
    if (!at.isAfter(local)) at = at.plusDays(1).with(time);
    return at.toInstant();
  }

  /** When quiet hours that hold at {@code now} end; null when it is not quiet now. */
  Instant quietUntil(FlowDefinition.QuietHours q, Instant now) {
    if (q == null || q.from().equals(q.to())) return null;
    LocalTime t = now.atZone(zone).toLocalTime();
    boolean quiet = q.from().isBefore(q.to()) ? !t.isBefore(q.from()) && t.isBefore(q.to())
        : !t.isBefore(q.from()) || t.isBefore(q.to());
    return quiet ? next(q.to(), now) : null;
  }
}
