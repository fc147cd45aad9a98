package io.wayfinder.core.journey.discovery;

import java.util.List;

/** Cases reaching each step of a simple funnel, with the conversion from the previous step. */
public record FunnelResult(List<Step> steps) {
  public FunnelResult {
    steps = List.copyOf(steps);
  }

  /**
   * @param activity the step's activity label
   * @param cases cases that reached this step (and every earlier one, in order)
   * @param conversionFromPrevious {@code cases / previous.cases}; null for the first step or when
   *     the previous step has no cases
   */
  public record Step(String activity, int cases, Double conversionFromPrevious) {}
}
