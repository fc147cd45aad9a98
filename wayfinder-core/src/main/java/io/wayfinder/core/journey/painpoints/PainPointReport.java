package io.wayfinder.core.journey.painpoints;

import java.util.List;

/**
 * Ranked pain points and the value at stake across all of them.
 *
 * @param painPoints best first
 * @param total each affected customer counted once, however many pain points touch them
 */
public record PainPointReport(List<PainPoint> painPoints, ValueAtStake total) {
  public PainPointReport {
    painPoints = List.copyOf(painPoints);
  }

  /**
   * The value at stake over several pain points without counting a customer twice.
   *
   * @param customers distinct customers touched by at least one pain point
   * @param customerValue their value (revenue so far), each counted once
   * @param valueAtStake each of them counted once, weighted by the largest severity among the pain points touching them
   * @param method how it is computed, in words
   */
  public record ValueAtStake(int customers, double customerValue, double valueAtStake, String method) {
    public static final String METHOD = "each customer in at least one pain point counted once: their revenue so far "
        + "times the largest severity (0-1) among the pain points that touch them";
  }
}
