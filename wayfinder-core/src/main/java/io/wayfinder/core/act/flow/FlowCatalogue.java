package io.wayfinder.core.act.flow;

import java.util.Map;
import java.util.Set;

/**
 * The names a flow may refer to: event names, each event's property names, and trait names, as
 * collected so far. A null set means "not known, do not check" ({@link #OPEN}); an event missing
 * from {@code eventProperties} has its property names unchecked.
 */
public record FlowCatalogue(Set<String> events, Map<String, Set<String>> eventProperties, Set<String> traits) {
  /** Checks no names at all. */
  public static final FlowCatalogue OPEN = new FlowCatalogue(null, Map.of(), null);

  public FlowCatalogue {
    events = events == null ? null : Set.copyOf(events);
    eventProperties = eventProperties == null ? Map.of() : Map.copyOf(eventProperties);
    traits = traits == null ? null : Set.copyOf(traits);
  }

  /** The property names of {@code event}, or null if unknown. */
  Set<String> propertiesOf(String event) {
    return eventProperties.get(event);
  }
}
