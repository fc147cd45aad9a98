package io.wayfinder.core.journey.discovery;

import java.util.List;

/**
 * What discovery found in a slice of events. Lists are ordered as process-mining tools print
 * them: counts descending, then names in code-point order (variants by their comma-joined text).
 *
 * @param cases cases with at least one selected event
 * @param events selected events
 * @param activities activity labels that occur, in code-point order
 * @param startActivities activity of the first event of each case, counted
 * @param endActivities activity of the last event of each case, counted
 * @param lifecycleTransitions lifecycle transition of each event, counted (null name = none)
 * @param directlyFollows the directly-follows graph with transition times
 * @param variants every variant
 * @param caseDurations case duration figures
 * @param rework activities repeated within cases, most cases first
 */
public record DiscoveryResult(
    int cases,
    int events,
    List<String> activities,
    List<NamedCount> startActivities,
    List<NamedCount> endActivities,
    List<NamedCount> lifecycleTransitions,
    List<DirectlyFollows> directlyFollows,
    List<Variant> variants,
    CaseDurations caseDurations,
    List<Rework> rework) {

  public DiscoveryResult {
    activities = List.copyOf(activities);
    startActivities = List.copyOf(startActivities);
    endActivities = List.copyOf(endActivities);
    lifecycleTransitions = List.copyOf(lifecycleTransitions);
    directlyFollows = List.copyOf(directlyFollows);
    variants = List.copyOf(variants);
    rework = List.copyOf(rework);
  }

  /** Number of distinct variants. */
  public int variantCount() {
    return variants.size();
  }

  /** The {@code n} most frequent variants. */
  public List<Variant> topVariants(int n) {
    return variants.subList(0, Math.min(n, variants.size()));
  }

  /** The directly-follows edges from an activity to itself. */
  public List<DirectlyFollows> selfLoops() {
    return directlyFollows.stream().filter(DirectlyFollows::isSelfLoop).toList();
  }
}
