package io.wayfinder.core.journey.funnel;

import io.wayfinder.core.journey.dataset.EventFilter;
import java.util.Map;

/**
 * An exclusion step: a customer whose attempt meets this event after step {@code afterStep} and
 * before step {@code beforeStep} was matched (1-based; defaults: first and last step) does not
 * count for that attempt.
 */
public record Exclusion(String event, String channel, Map<String, String> properties, Integer afterStep, Integer beforeStep) {
  public Exclusion {
    properties = properties == null ? Map.of() : Map.copyOf(properties);
    new EventFilter(event, channel, properties);
  }

  public static Exclusion of(String event) {
    return new Exclusion(event, null, null, null, null);
  }

  public EventFilter filter() {
    return new EventFilter(event, channel, properties);
  }
}
