package io.wayfinder.core.journey.painpoints;

import java.util.List;

/**
 * A place where customers struggle, with its size. Ranked by {@code valueAtStake}: the affected
 * customers' value (their revenue so far; CLV once it exists) times the size of the gap
 * ({@code severity}, 0–1).
 *
 * @param step the event or transition ({@code A → B}) where it happens
 * @param occurrences how often it happened (transitions, loops, switches, responses)
 * @param evidence the figures behind it
 */
public record PainPoint(
    int rank, PainPointKind kind, String journey, String stage, String step, String summary,
    int affectedCustomers, int occurrences, double severity, double valueAtStake, List<Evidence> evidence) {

  public PainPoint {
    evidence = List.copyOf(evidence);
  }

  PainPoint ranked(int r) {
    return new PainPoint(r, kind, journey, stage, step, summary, affectedCustomers, occurrences, severity,
        valueAtStake, evidence);
  }

  /** One figure and what it is compared with. */
  public record Evidence(String metric, double value, Double baseline) {}
}
