package io.wayfinder.core.journey.discovery;

import java.util.List;

/**
 * A distinct activity sequence, the number of cases that follow it and their share of all cases.
 */
public record Variant(List<String> activities, int count, double share) {
  public Variant {
    activities = List.copyOf(activities);
  }

  /** The activities joined with commas, as process-mining tools print a variant. */
  public String joined() {
    return String.join(",", activities);
  }
}
