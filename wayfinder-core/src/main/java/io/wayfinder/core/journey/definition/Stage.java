package io.wayfinder.core.journey.definition;

import io.wayfinder.core.journey.dataset.EventFilter;
import java.util.List;

/**
 * One stage of a journey and the touchpoints that belong to it. A stage listing no touchpoints
 * takes the events whose {@code journey} property is the journey's id and whose {@code stage}
 * property is the stage's name (the convention of collected and generated events).
 */
public record Stage(String name, List<EventFilter> touchpoints) {
  public Stage {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("stages[].name: required");
    touchpoints = touchpoints == null ? List.of() : List.copyOf(touchpoints);
  }
}
