package io.wayfinder.core.journey.index;

import io.wayfinder.core.eventlog.LogEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Collects events into primitive columns and builds a {@link JourneyIndex}. The original position
 * of an event is the order in which it was added, so equal timestamps keep that order.
 *
 * <p>Not thread-safe. Cases get ids in order of first appearance.
 */
public final class JourneyIndexBuilder {
  private final Map<String, Integer> caseIds = new HashMap<>();
  private final List<String> caseNames = new ArrayList<>();
  private final Map<String, Integer> activityIds = new HashMap<>();
  private final List<String> activityNames = new ArrayList<>();
  private final Map<String, Integer> lifecycleIds = new HashMap<>();
  private final List<String> lifecycleNames = new ArrayList<>();
  private final Map<Long, Integer> classIds = new HashMap<>();
  private int[] classActivity = new int[16];
  private int[] classLifecycle = new int[16];
  private int classCount;

  private int[] caseOf = new int[1024];
  private int[] eventClass = new int[1024];
  private long[] timeMicros = new long[1024];
  private int size;

  /** Builds an index from a stream of log events (for example an {@code EventLogReader}). */
  public static JourneyIndex of(Iterator<LogEvent> events) {
    JourneyIndexBuilder b = new JourneyIndexBuilder();
    while (events.hasNext()) {
      b.add(events.next());
    }
    return b.build();
  }

  /**
   * Builds an index from dictionary-encoded columns, as a store loads them. Event {@code i} is
   * case {@code caseOf[i]}, activity {@code activityOf[i]}, lifecycle {@code lifecycleOf[i]} (-1
   * for none; the array may be null when no event has one) at {@code timeMicros[i]}; {@code i} is
   * its original position. The arrays are read, not kept.
   */
  public static JourneyIndex fromColumns(
      String[] caseNames,
      int[] caseOf,
      String[] activityNames,
      int[] activityOf,
      String[] lifecycleNames,
      int[] lifecycleOf,
      long[] timeMicros) {
    int n = caseOf.length;
    if (activityOf.length != n || timeMicros.length != n || (lifecycleOf != null && lifecycleOf.length != n)) {
      throw new IllegalArgumentException("columns differ in length");
    }
    int lifecycles = lifecycleNames == null ? 0 : lifecycleNames.length;
    // event class = activity * (lifecycles + 1) + (lifecycle + 1), renumbered densely below
    int stride = lifecycles + 1;
    int[] dense = new int[Math.multiplyExact(activityNames.length, stride)];
    Arrays.fill(dense, -1);
    int[] cls = new int[n];
    int[] clsActivity = new int[16];
    int[] clsLifecycle = new int[16];
    int classes = 0;
    for (int i = 0; i < n; i++) {
      int a = activityOf[i];
      int l = lifecycleOf == null ? -1 : lifecycleOf[i];
      if (a < 0 || a >= activityNames.length || l < -1 || l >= lifecycles
          || caseOf[i] < 0 || caseOf[i] >= caseNames.length) {
        throw new IllegalArgumentException("event " + i + " refers outside a dictionary");
      }
      int key = a * stride + l + 1;
      if (dense[key] < 0) {
        if (classes == clsActivity.length) {
          clsActivity = Arrays.copyOf(clsActivity, classes * 2);
          clsLifecycle = Arrays.copyOf(clsLifecycle, classes * 2);
        }
        clsActivity[classes] = a;
        clsLifecycle[classes] = l;
        dense[key] = classes++;
      }
      cls[i] = dense[key];
    }
    return sorted(
        caseNames.clone(), activityNames.clone(),
        lifecycleNames == null ? new String[0] : lifecycleNames.clone(),
        Arrays.copyOf(clsActivity, classes), Arrays.copyOf(clsLifecycle, classes),
        caseOf, cls, timeMicros, n);
  }

  /** Adds one log event. */
  public JourneyIndexBuilder add(LogEvent e) {
    return add(e.caseId(), e.activity(), e.lifecycle(), micros(e.timestamp()));
  }

  /** Adds one event; {@code lifecycle} may be null. */
  public JourneyIndexBuilder add(String caseName, String activity, String lifecycle, long timeMicros) {
    if (size == caseOf.length) {
      int capacity = Math.max(1024, size + (size >> 1));
      caseOf = Arrays.copyOf(caseOf, capacity);
      eventClass = Arrays.copyOf(eventClass, capacity);
      this.timeMicros = Arrays.copyOf(this.timeMicros, capacity);
    }
    caseOf[size] = id(caseIds, caseNames, caseName);
    eventClass[size] = eventClassOf(id(activityIds, activityNames, activity),
        lifecycle == null ? -1 : id(lifecycleIds, lifecycleNames, lifecycle));
    this.timeMicros[size] = timeMicros;
    size++;
    return this;
  }

  /** Microseconds since the epoch; sub-microsecond digits are dropped. */
  public static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
  }

  private static int id(Map<String, Integer> ids, List<String> names, String name) {
    Integer id = ids.get(name);
    if (id == null) {
      id = names.size();
      ids.put(name, id);
      names.add(name);
    }
    return id;
  }

  private int eventClassOf(int activity, int lifecycle) {
    long key = ((long) activity << 32) | (lifecycle & 0xffffffffL);
    Integer k = classIds.get(key);
    if (k == null) {
      if (classCount == classActivity.length) {
        classActivity = Arrays.copyOf(classActivity, classCount * 2);
        classLifecycle = Arrays.copyOf(classLifecycle, classCount * 2);
      }
      classActivity[classCount] = activity;
      classLifecycle[classCount] = lifecycle;
      k = classCount++;
      classIds.put(key, k);
    }
    return k;
  }

  /** The index of everything added so far. The builder may be used further. */
  public JourneyIndex build() {
    return sorted(
        caseNames.toArray(String[]::new), activityNames.toArray(String[]::new),
        lifecycleNames.toArray(String[]::new),
        Arrays.copyOf(classActivity, classCount), Arrays.copyOf(classLifecycle, classCount),
        caseOf, eventClass, timeMicros, size);
  }

  /** Groups events by case (counting sort, stable) and sorts each case by time. */
  private static JourneyIndex sorted(
      String[] cases, String[] activities, String[] lifecycles, int[] clsActivity, int[] clsLifecycle,
      int[] caseOf, int[] eventClass, long[] time, int n) {
    int[] caseStart = new int[cases.length + 1];
    for (int i = 0; i < n; i++) {
      caseStart[caseOf[i] + 1]++;
    }
    for (int c = 0; c < cases.length; c++) {
      caseStart[c + 1] += caseStart[c];
    }
    int[] order = new int[n];
    int[] fill = Arrays.copyOf(caseStart, cases.length);
    for (int i = 0; i < n; i++) {
      order[fill[caseOf[i]]++] = i;
    }
    int longest = 0;
    for (int c = 0; c < cases.length; c++) {
      longest = Math.max(longest, caseStart[c + 1] - caseStart[c]);
    }
    int[] buffer = new int[longest];
    for (int c = 0; c < cases.length; c++) {
      TimeOrder.sort(order, caseStart[c], caseStart[c + 1], time, buffer);
    }
    int[] sortedCase = new int[n];
    int[] sortedClass = new int[n];
    long[] sortedTime = new long[n];
    for (int k = 0; k < n; k++) {
      int i = order[k];
      sortedCase[k] = caseOf[i];
      sortedClass[k] = eventClass[i];
      sortedTime[k] = time[i];
    }
    return new JourneyIndex(cases, activities, lifecycles, clsActivity, clsLifecycle, caseStart,
        sortedCase, sortedClass, sortedTime, order);
  }
}
