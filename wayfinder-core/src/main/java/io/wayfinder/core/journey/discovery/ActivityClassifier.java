package io.wayfinder.core.journey.discovery;

import io.wayfinder.core.journey.index.JourneyIndex;

/** What makes two events the same activity in discovery results. */
public enum ActivityClassifier {
  /** The event name ({@code concept:name}) alone; lifecycle transitions are ignored. */
  NAME("name"),
  /** Event name and lifecycle transition, labelled {@code name+transition} (name alone if none). */
  NAME_AND_LIFECYCLE("name+lifecycle");

  private final String label;

  ActivityClassifier(String label) {
    this.label = label;
  }

  /** The name used on the command line: {@code name} or {@code name+lifecycle}. */
  public String label() {
    return label;
  }

  /** The classifier called {@code label}. */
  public static ActivityClassifier fromLabel(String label) {
    for (ActivityClassifier c : values()) {
      if (c.label.equals(label)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown activity classifier '" + label + "': expected name or name+lifecycle");
  }

  /** The activity label of event class {@code k} of {@code index}. */
  String labelOf(JourneyIndex index, int k) {
    String name = index.activityName(index.classActivity(k));
    String lifecycle = index.classLifecycle(k);
    return this == NAME || lifecycle == null ? name : name + "+" + lifecycle;
  }
}
