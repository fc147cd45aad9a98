package io.wayfinder.core.journey.discovery;

/**
 * An edge of the directly-follows graph: how often an event of {@code to} immediately followed an
 * event of {@code from} in the same case (occurrences, not cases), and the time between them.
 */
public record DirectlyFollows(
    String from, String to, int count, double meanSeconds, double medianSeconds, double p90Seconds) {

  /** An edge from an activity to itself. */
  public boolean isSelfLoop() {
    return from.equals(to);
  }
}
