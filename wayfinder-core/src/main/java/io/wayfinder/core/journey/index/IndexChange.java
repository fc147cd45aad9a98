package io.wayfinder.core.journey.index;

/**
 * What changed in an event log since a {@link JourneyIndex} was built, to fold into it with
 * {@link IndexUpdater#apply} rather than build it again: events appended after its last
 * position, cases renumbered or merged (a customer's profile joined to another's), and the
 * dictionaries grown by the new names.
 *
 * <p>Appended event {@code d} gets the position {@code old.eventCount() + d}, so among equal
 * timestamps it comes after every old event and after the appended events before it, as it
 * would in an index built from all events in load order. Appended events have no lifecycle.
 *
 * @param caseNames every case after the change, by new case id
 * @param caseOfOldCase per old case its new case id; several old cases may share one (merged
 *     customers); null when the case ids did not change
 * @param activityNames the activity dictionary after the change; it holds every old name
 * @param activityOfOldActivity per old activity id its id in {@code activityNames}; null when
 *     the ids did not change
 * @param caseOf per appended event, in load order, its new case id
 * @param activityOf per appended event its activity id in {@code activityNames}
 * @param timeMicros per appended event its time in epoch microseconds
 */
public record IndexChange(
    String[] caseNames,
    int[] caseOfOldCase,
    String[] activityNames,
    int[] activityOfOldActivity,
    int[] caseOf,
    int[] activityOf,
    long[] timeMicros) {

  public IndexChange {
    if (activityOf.length != caseOf.length || timeMicros.length != caseOf.length) {
      throw new IllegalArgumentException("appended columns differ in length");
    }
  }

  /** Number of appended events. */
  public int appendedCount() {
    return caseOf.length;
  }
}
