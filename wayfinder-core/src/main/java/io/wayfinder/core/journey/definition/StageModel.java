package io.wayfinder.core.journey.definition;

import java.util.List;

/** Stage models journeys start from. */
public final class StageModel {
  /**
   * Recognize → Request → Respond → Repeat: a need is recognised, becomes a request, the company
   * responds, and every repetition teaches it more.
   */
  public static final List<String> DEFAULT = List.of("Recognize", "Request", "Respond", "Repeat");

  private StageModel() {}

  /** The default model as stages that take their events from the {@code stage} property. */
  public static List<Stage> defaultStages() {
    return DEFAULT.stream().map(n -> new Stage(n, List.of())).toList();
  }
}
