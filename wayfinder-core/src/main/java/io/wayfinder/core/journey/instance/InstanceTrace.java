package io.wayfinder.core.journey.instance;

/**
 * One journey instance as positions into the dataset, for the analyses built on instances (map,
 * pain points). {@code events} are the instance's journey events in time order and
 * {@code stages} their stage numbers (-1 for an entry or goal event listed in no stage).
 */
public record InstanceTrace(int caseId, int[] events, int[] stages, int entryEvent, InstanceStatus status) {

  public int first() {
    return events[0];
  }

  public int last() {
    return events[events.length - 1];
  }

  /** The highest stage number reached, or -1. */
  public int furthestStage() {
    int max = -1;
    for (int s : stages) max = Math.max(max, s);
    return max;
  }

  /** The stage of the latest event that has one, or -1. */
  public int currentStage() {
    for (int k = stages.length - 1; k >= 0; k--) if (stages[k] >= 0) return stages[k];
    return -1;
  }
}
