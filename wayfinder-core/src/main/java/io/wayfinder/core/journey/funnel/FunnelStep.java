package io.wayfinder.core.journey.funnel;

import io.wayfinder.core.journey.dataset.EventFilter;
import io.wayfinder.core.journey.definition.TimeSpan;
import java.util.Map;

/**
 * One step of a funnel: the events that count (name, optionally channel and property values),
 * whether it may be skipped, and an optional window from the previous matched step.
 *
 * @param within the most time allowed since the previous matched step ({@code 48h}), or null
 */
public record FunnelStep(String event, String channel, Map<String, String> properties, boolean optional, String within) {
  public FunnelStep {
    properties = properties == null ? Map.of() : Map.copyOf(properties);
    new EventFilter(event, channel, properties);
    if (within != null) TimeSpan.parse(within, "within");
  }

  /** A required step on the event {@code name}. */
  public static FunnelStep of(String name) {
    return new FunnelStep(name, null, null, false, null);
  }

  public EventFilter filter() {
    return new EventFilter(event, channel, properties);
  }

  /** The step window in microseconds, or {@code Long.MAX_VALUE} for none. */
  long withinMicros() {
    return within == null ? Long.MAX_VALUE : TimeSpan.parse(within, "within").toNanos() / 1000;
  }

  /** A name for reports. */
  public String label() {
    return filter().label();
  }
}
