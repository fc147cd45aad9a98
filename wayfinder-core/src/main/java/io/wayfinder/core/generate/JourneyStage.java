package io.wayfinder.core.generate;

import java.util.List;

/** One stage of a generated journey and the event names that belong to it, in typical order. */
public record JourneyStage(String name, List<String> events) {
  public JourneyStage {
    events = List.copyOf(events);
  }
}
