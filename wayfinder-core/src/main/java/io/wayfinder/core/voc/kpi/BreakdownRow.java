package io.wayfinder.core.voc.kpi;

import java.time.LocalDate;
import java.util.List;

/**
 * One group of a breakdown.
 *
 * @param key the group's value for each dimension of the breakdown, in the breakdown's order
 * @param periodStart first day of the period bucket, {@code null} when the breakdown has no period
 * @param counts the responses' score counts (for pooling or {@link ChangeTest})
 * @param kpi the KPI with its interval
 */
public record BreakdownRow(List<String> key, LocalDate periodStart, ScoreCounts counts, KpiSummary kpi) {
  public BreakdownRow {
    key = List.copyOf(key);
  }
}
