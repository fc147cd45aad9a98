package io.wayfinder.core.voc.kpi;

import java.util.Objects;

/**
 * A journey's goal for one KPI, in the KPI's display unit (NPS points, CSAT percent, CES mean).
 * All three KPIs are better when higher, so a value at or above the target is on target.
 */
public record KpiTarget(String journey, ScoreScale scale, double target) {
  public KpiTarget {
    Objects.requireNonNull(journey, "journey");
    Objects.requireNonNull(scale, "scale");
  }

  public TargetStatus status(KpiSummary actual) {
    if (actual.scale() != scale) throw new IllegalArgumentException("target is " + scale + ", actual is " + actual.scale());
    if (actual.responses() == 0) return TargetStatus.NO_DATA;
    return actual.value() >= target ? TargetStatus.ON_TARGET : TargetStatus.OFF_TARGET;
  }
}
