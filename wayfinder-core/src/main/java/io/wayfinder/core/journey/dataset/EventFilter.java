package io.wayfinder.core.journey.dataset;

import java.util.Map;
import java.util.TreeMap;

/**
 * Which events count as one touchpoint, funnel step or anchor: an event name, optionally only on
 * one channel and only with some property values. Null parts match anything.
 *
 * @param event the event name (track event, page or screen name), or null for any
 * @param channel the channel, or null for any
 * @param properties property values the event must have (compared as text), never null
 */
public record EventFilter(String event, String channel, Map<String, String> properties) {

  public EventFilter {
    properties = properties == null ? Map.of() : Map.copyOf(new TreeMap<>(properties));
    if (event == null && channel == null && properties.isEmpty()) {
      throw new IllegalArgumentException("an event filter needs an event name, a channel or a property");
    }
    if (event != null && event.isBlank()) throw new IllegalArgumentException("event: must not be blank");
    // A blank channel would match no event at all: a typo, not a filter.
    if (channel != null && channel.isBlank()) throw new IllegalArgumentException("channel: must not be blank (leave it out for any channel)");
  }

  /** Events with this name, on any channel. */
  public static EventFilter named(String event) {
    return new EventFilter(event, null, Map.of());
  }

  /** A short human label: {@code name}, {@code name@channel}, {@code name[k=v]}. */
  public String label() {
    StringBuilder s = new StringBuilder(event == null ? "*" : event);
    if (channel != null) s.append('@').append(channel);
    if (!properties.isEmpty()) s.append(new TreeMap<>(properties));
    return s.toString();
  }
}
