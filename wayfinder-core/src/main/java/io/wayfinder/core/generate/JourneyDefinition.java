package io.wayfinder.core.generate;

import java.util.List;

/**
 * How one generated journey is laid out, so that journey definitions can be loaded from it.
 *
 * @param name the value of the {@code journey} property on the journey's events
 * @param title a human name
 * @param owner the team accountable for the journey
 * @param stages the stages in order (Recognize → Request → Respond → Repeat here)
 * @param entryEvent the event that starts an instance
 * @param goalEvent the event that counts as conversion
 * @param abandonAfterDays a sensible abandonment timeout for instances of this journey
 */
public record JourneyDefinition(
    String name,
    String title,
    String owner,
    List<JourneyStage> stages,
    String entryEvent,
    String goalEvent,
    int abandonAfterDays) {

  public JourneyDefinition {
    stages = List.copyOf(stages);
  }

  /** The stage an event name belongs to, or null when it is not part of this journey. */
  public String stageOf(String eventName) {
    for (JourneyStage s : stages) if (s.events().contains(eventName)) return s.name();
    return null;
  }
}
