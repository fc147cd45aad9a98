package io.wayfinder.core.journey.definition;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A named journey: ordered stages with their touchpoints, the event that starts an instance
 * (entry), the event that counts as conversion (goal), how long an instance may go quiet before
 * it counts as abandoned, and the team or person accountable for it.
 *
 * @param id short key, lower-case letters, digits, {@code _} and {@code -} (the events'
 *     {@code journey} property when stages rely on that convention)
 * @param name human name
 * @param owner accountable team or person, may be null
 * @param stages stages in order; null means {@link StageModel#defaultStages()}
 * @param entryEvent event name that starts an instance
 * @param goalEvent event name that converts an instance
 * @param abandonAfter quiet time after which an open instance is abandoned ({@code 14d}, {@code 48h}, ISO-8601)
 */
public record JourneyDefinition(
    String id, String name, String owner, List<Stage> stages, String entryEvent, String goalEvent,
    String abandonAfter) {

  public JourneyDefinition {
    if (id == null || !id.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
      throw new IllegalArgumentException("id: expected 1-64 lower-case letters, digits, '_' or '-', got '" + id + "'");
    }
    name = name == null || name.isBlank() ? id : name;
    stages = stages == null || stages.isEmpty() ? StageModel.defaultStages() : List.copyOf(stages);
    Set<String> seen = new HashSet<>();
    for (Stage s : stages) {
      if (!seen.add(s.name())) throw new IllegalArgumentException("stages: '" + s.name() + "' appears twice");
    }
    if (entryEvent == null || entryEvent.isBlank()) throw new IllegalArgumentException("entryEvent: required");
    if (goalEvent == null || goalEvent.isBlank()) throw new IllegalArgumentException("goalEvent: required");
    abandonAfter = abandonAfter == null ? "30d" : abandonAfter;
    TimeSpan.parse(abandonAfter, "abandonAfter");
  }

  /** The abandonment timeout. */
  public Duration abandonTimeout() {
    return TimeSpan.parse(abandonAfter, "abandonAfter");
  }

  /** Stage names in order. */
  public List<String> stageNames() {
    return stages.stream().map(Stage::name).toList();
  }
}
