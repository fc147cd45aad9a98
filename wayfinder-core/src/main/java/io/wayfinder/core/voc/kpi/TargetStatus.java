package io.wayfinder.core.voc.kpi;

/** Whether a KPI meets its target. */
public enum TargetStatus {
  ON_TARGET,
  OFF_TARGET,
  /** No responses to judge by. */
  NO_DATA
}
