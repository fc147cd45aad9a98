package io.wayfinder.core.journey.funnel;

import java.util.List;

/**
 * What a funnel run found.
 *
 * @param customers customers in scope (segment and period applied)
 * @param entered customers who reached the first step
 * @param converted customers who reached the last step
 * @param excluded customers whose every attempt an exclusion cut (not counted as entered)
 * @param conversion converted / entered (null when nobody entered)
 */
public record FunnelReport(
    FunnelOrder order, String window, int customers, int entered, int converted, int excluded, Double conversion,
    List<StepResult> steps, TimeToConvert timeToConvert, List<BreakdownGroup> breakdown) {

  /**
   * One step.
   *
   * @param step 1-based
   * @param customers customers who reached it (for an optional step: who did it)
   * @param conversionFromPrevious customers / customers at the previous required step
   * @param conversionFromStart customers / entered
   * @param dropOff customers at the previous required step who did not reach this one
   * @param medianSecondsFromPrevious median time from the previous matched step
   */
  public record StepResult(
      int step, String label, boolean optional, int customers, Double conversionFromPrevious,
      Double conversionFromStart, int dropOff, Double medianSecondsFromPrevious) {}

  /** The time from the first to the last step of converted customers. */
  public record TimeToConvert(
      int customers, Double meanSeconds, Double p10Seconds, Double p25Seconds, Double medianSeconds,
      Double p75Seconds, Double p90Seconds, List<Bucket> histogram) {}

  /** Converted customers whose time to convert is at most {@code upToSeconds} (null: any) and above the previous bucket. */
  public record Bucket(String label, Double upToSeconds, int customers) {}

  /** The funnel of one breakdown value. */
  public record BreakdownGroup(String value, int entered, int converted, Double conversion, List<Integer> stepCustomers) {}
}
