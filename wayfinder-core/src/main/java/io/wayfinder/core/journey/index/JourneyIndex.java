package io.wayfinder.core.journey.index;

import java.time.Instant;
import java.util.Arrays;

/**
 * A dictionary-encoded, time-sorted columnar index of events for journey analytics.
 *
 * <p>Events are grouped by case (customer, trace) and, within a case, stably sorted by timestamp
 * instant: events with equal timestamps keep their original position order. Each event is four
 * primitive columns: case id, event class (an activity with its lifecycle transition), timestamp
 * in epoch microseconds and original position; that is 20 bytes per event plus 4 per case and the
 * dictionaries. Build one with {@link JourneyIndexBuilder}.
 *
 * <p>The arrays are not copied on access for speed; callers must not modify them.
 */
public final class JourneyIndex {
  private final String[] caseNames;
  private final String[] activityNames;
  private final String[] lifecycleNames;
  private final int[] classActivity;
  private final int[] classLifecycle;
  private final int[] caseStart;
  private final int[] caseOf;
  private final int[] eventClass;
  private final long[] timeMicros;
  private final int[] position;

  JourneyIndex(
      String[] caseNames,
      String[] activityNames,
      String[] lifecycleNames,
      int[] classActivity,
      int[] classLifecycle,
      int[] caseStart,
      int[] caseOf,
      int[] eventClass,
      long[] timeMicros,
      int[] position) {
    this.caseNames = caseNames;
    this.activityNames = activityNames;
    this.lifecycleNames = lifecycleNames;
    this.classActivity = classActivity;
    this.classLifecycle = classLifecycle;
    this.caseStart = caseStart;
    this.caseOf = caseOf;
    this.eventClass = eventClass;
    this.timeMicros = timeMicros;
    this.position = position;
  }

  /** Number of events. */
  public int eventCount() {
    return eventClass.length;
  }

  /** Number of cases. */
  public int caseCount() {
    return caseNames.length;
  }

  /** Number of event classes (distinct activity + lifecycle pairs). */
  public int eventClassCount() {
    return classActivity.length;
  }

  /** The case identifier of case id {@code c}. */
  public String caseName(int c) {
    return caseNames[c];
  }

  /** Events of case {@code c} are {@code caseStart(c) <= i < caseStart(c + 1)}. */
  public int caseStart(int c) {
    return caseStart[c];
  }

  /** The activity dictionary. */
  public String activityName(int a) {
    return activityNames[a];
  }

  public int activityCount() {
    return activityNames.length;
  }

  /** The activity id of event class {@code k}. */
  public int classActivity(int k) {
    return classActivity[k];
  }

  /** The lifecycle transition of event class {@code k}, or null when the events had none. */
  public String classLifecycle(int k) {
    int l = classLifecycle[k];
    return l < 0 ? null : lifecycleNames[l];
  }

  /** The lifecycle dictionary (shared, not copied). */
  String[] lifecycleNames() {
    return lifecycleNames;
  }

  /** The lifecycle id of event class {@code k}, or -1. */
  int classLifecycleId(int k) {
    return classLifecycle[k];
  }

  /** Per event: case id. */
  public int[] caseColumn() {
    return caseOf;
  }

  /** Per event: event class id. */
  public int[] eventClassColumn() {
    return eventClass;
  }

  /** Per event: timestamp in microseconds since the epoch. */
  public long[] timeColumn() {
    return timeMicros;
  }

  /** Per event: original position (file order), the tie-break for equal timestamps. */
  public int[] positionColumn() {
    return position;
  }

  /** The instant of event {@code i}. */
  public Instant time(int i) {
    long t = timeMicros[i];
    return Instant.ofEpochSecond(Math.floorDiv(t, 1_000_000L), Math.floorMod(t, 1_000_000L) * 1000L);
  }

  /**
   * Approximate heap bytes held by this index: the columns, the case offsets and the dictionary
   * strings (compact Latin-1 strings assumed).
   */
  public long estimatedBytes() {
    long columns = 20L * eventCount() + 4L * (caseStart.length) + 8L * classActivity.length;
    return columns + stringBytes(caseNames) + stringBytes(activityNames) + stringBytes(lifecycleNames);
  }

  private static long stringBytes(String[] strings) {
    long sum = 16 + 4L * strings.length;
    for (String s : strings) {
      sum += 24 + ((16 + s.length() + 7) & ~7L);
    }
    return sum;
  }

  @Override
  public String toString() {
    return "JourneyIndex[" + eventCount() + " events, " + caseCount() + " cases, "
        + activityCount() + " activities, " + Arrays.stream(lifecycleNames).toList() + "]";
  }
}
