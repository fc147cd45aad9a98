package io.wayfinder.core.journey.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Folds an {@link IndexChange} into a {@link JourneyIndex}. The result equals the index that
 * {@link JourneyIndexBuilder#fromColumns} builds from the old events (under their new case ids)
 * followed by the appended ones: same case runs, same (time, position) order inside each, same
 * event class ids. It costs a copy of the columns, not a read and sort of every event: a case
 * the change does not touch is copied as one run, a case with appended events is merged with
 * them, and a case that absorbed other cases (merged customers) is sorted anew.
 */
public final class IndexUpdater {
  private IndexUpdater() {}

  /** The updated index and where its events came from; {@code old} is not modified. */
  public static UpdatedIndex apply(JourneyIndex old, IndexChange change) {
    int n = old.eventCount();
    int m = change.appendedCount();
    int cases = change.caseNames().length;
    int[] caseOfOld = change.caseOfOldCase();
    if (caseOfOld != null && caseOfOld.length != old.caseCount()) throw new IllegalArgumentException("caseOfOldCase: one per old case");
    for (int c = 0; caseOfOld != null && c < caseOfOld.length; c++) {
      if (caseOfOld[c] < 0 || caseOfOld[c] >= cases) throw new IllegalArgumentException("caseOfOldCase: no new case " + caseOfOld[c]);
    }
    for (int d = 0; d < m; d++) {
      int c = change.caseOf()[d];
      int a = change.activityOf()[d];
      if (c < 0 || c >= cases || a < 0 || a >= change.activityNames().length) {
        throw new IllegalArgumentException("appended event " + d + " refers outside a dictionary");
      }
    }
    Classes classes = new Classes(old, change);

    int[] caseStart = new int[cases + 1];
    for (int c = 0; c < old.caseCount(); c++) caseStart[newCase(caseOfOld, c) + 1] += old.caseStart(c + 1) - old.caseStart(c);
    for (int d = 0; d < m; d++) caseStart[change.caseOf()[d] + 1]++;
    for (int c = 0; c < cases; c++) caseStart[c + 1] += caseStart[c];

    Appended appended = Appended.of(change);
    EventLayout.Builder layout = new EventLayout.Builder(m);
    if (caseOfOld == null) {
      // old cases keep their numbers: untouched stretches of cases are one run each
      int nextOld = 0;
      for (int g = 0; g < appended.groups(); g++) {
        int c = appended.caseOf(g);
        int upTo = Math.min(c, old.caseCount());
        layout.run(old.caseStart(nextOld), old.caseStart(upTo) - old.caseStart(nextOld));
        nextOld = upTo;
        if (c < old.caseCount()) {
          mergeRun(layout, old, c, appended, g, change.timeMicros());
          nextOld = c + 1;
        } else {
          for (int j = appended.start[g]; j < appended.start[g + 1]; j++) layout.appended(appended.events[j]);
        }
      }
      layout.run(old.caseStart(nextOld), n - old.caseStart(nextOld));
    } else {
      Grouping olds = Grouping.of(caseOfOld, cases);
      for (int c = 0, g = 0; c < cases; c++) {
        int group = g < appended.groups() && appended.caseOf(g) == c ? g++ : -1;
        int from = olds.start[c];
        int count = olds.start[c + 1] - from;
        if (count == 1 && group < 0) {
          int oc = olds.members[from];
          layout.run(old.caseStart(oc), old.caseStart(oc + 1) - old.caseStart(oc));
        } else if (count == 0) {
          if (group >= 0) for (int j = appended.start[group]; j < appended.start[group + 1]; j++) layout.appended(appended.events[j]);
        } else if (count == 1) {
          mergeRun(layout, old, olds.members[from], appended, group, change.timeMicros());
        } else {
          sortMerged(layout, old, Arrays.copyOfRange(olds.members, from, from + count), appended, group, change.timeMicros());
        }
      }
    }
    EventLayout l = layout.build();
    if (l.size() != n + m || caseStart[cases] != n + m) throw new IllegalStateException("layout lost events");

    int[] appendedPosition = new int[m];
    for (int d = 0; d < m; d++) appendedPosition[d] = n + d;
    JourneyIndex index = new JourneyIndex(change.caseNames().clone(), change.activityNames().clone(),
        old.lifecycleNames(), classes.activity(), classes.lifecycle(), caseStart,
        l.gather(old.caseColumn(), caseOfOld, change.caseOf()),
        l.gather(old.eventClassColumn(), classes.appended),
        l.gather(old.timeColumn(), change.timeMicros()),
        l.gather(old.positionColumn(), appendedPosition));
    return new UpdatedIndex(index, l);
  }

  private static int newCase(int[] caseOfOld, int c) {
    return caseOfOld == null ? c : caseOfOld[c];
  }

  /**
   * One old case's run merged with the case's appended events (already in time order). An old
   * event at the same time comes first: its position is smaller.
   */
  private static void mergeRun(EventLayout.Builder layout, JourneyIndex old, int oldCase, Appended appended, int group, long[] appendedTime) {
    long[] time = old.timeColumn();
    int i = old.caseStart(oldCase);
    int end = old.caseStart(oldCase + 1);
    for (int j = appended.from(group); j < appended.to(group); j++) {
      int d = appended.events[j];
      long t = appendedTime[d];
      int stop = end > i && time[end - 1] <= t ? end : i;
      while (stop < end && time[stop] <= t) stop++;
      layout.run(i, stop - i);
      i = stop;
      layout.appended(d);
    }
    layout.run(i, end - i);
  }

  /** Several old cases folded into one (and its appended events): all its events sorted by (time, position). */
  private static void sortMerged(EventLayout.Builder layout, JourneyIndex old, int[] oldCases, Appended appended, int group, long[] appendedTime) {
    int n = old.eventCount();
    long[] time = old.timeColumn();
    int[] position = old.positionColumn();
    List<Integer> refs = new ArrayList<>();
    for (int oc : oldCases) for (int i = old.caseStart(oc); i < old.caseStart(oc + 1); i++) refs.add(i);
    for (int j = appended.from(group); j < appended.to(group); j++) refs.add(-1 - appended.events[j]);
    refs.sort(Comparator.<Integer>comparingLong(r -> r >= 0 ? time[r] : appendedTime[-1 - r])
        .thenComparingInt(r -> r >= 0 ? position[r] : n + (-1 - r)));
    for (int r : refs) {
      if (r >= 0) layout.run(r, 1);
      else layout.appended(-1 - r);
    }
  }

  /** Items grouped by a key in {@code [0, keys)}, each group in item order (a counting sort). */
  private record Grouping(int[] start, int[] members) {
    static Grouping of(int[] keyOf, int keys) {
      int[] start = new int[keys + 1];
      for (int k : keyOf) start[k + 1]++;
      for (int k = 0; k < keys; k++) start[k + 1] += start[k];
      int[] fill = Arrays.copyOf(start, keys);
      int[] members = new int[keyOf.length];
      for (int i = 0; i < keyOf.length; i++) members[fill[keyOf[i]]++] = i;
      return new Grouping(start, members);
    }
  }

  /**
   * The appended events grouped by case, in case order (only the cases that have some), each
   * group in (time, position) order.
   */
  private record Appended(int[] events, int[] start, int[] cases) {
    static Appended of(IndexChange change) {
      int m = change.appendedCount();
      long[] byCase = new long[m];
      for (int d = 0; d < m; d++) byCase[d] = ((long) change.caseOf()[d] << 32) | d;
      Arrays.sort(byCase);
      int[] events = new int[m];
      int groups = 0;
      for (int j = 0; j < m; j++) {
        events[j] = (int) byCase[j];
        if (j == 0 || byCase[j] >>> 32 != byCase[j - 1] >>> 32) groups++;
      }
      int[] start = new int[groups + 1];
      int[] cases = new int[groups];
      for (int j = 0, g = -1; j < m; j++) {
        if (j == 0 || byCase[j] >>> 32 != byCase[j - 1] >>> 32) {
          cases[++g] = (int) (byCase[j] >>> 32);
          start[g] = j;
        }
      }
      start[groups] = m;
      int[] buffer = new int[m];
      for (int g = 0; g < groups; g++) TimeOrder.sort(events, start[g], start[g + 1], change.timeMicros(), buffer);
      return new Appended(events, start, cases);
    }

    int groups() {
      return cases.length;
    }

    int caseOf(int group) {
      return cases[group];
    }

    /** The group's first event in {@code events}; an empty range for group -1 (none). */
    int from(int group) {
      return group < 0 ? 0 : start[group];
    }

    int to(int group) {
      return group < 0 ? 0 : start[group + 1];
    }
  }

  /**
   * Event classes after the change: the old ones keep their ids (with their activity renumbered);
   * an appended event, which has no lifecycle, takes the class of its activity without one, or a
   * new class, numbered in order of first appearance as {@code fromColumns} numbers them.
   */
  private static final class Classes {
    private int[] activity;
    private int[] lifecycle;
    private int count;
    final int[] appended;

    Classes(JourneyIndex old, IndexChange change) {
      int[] recode = change.activityOfOldActivity();
      count = old.eventClassCount();
      activity = new int[count + 16];
      lifecycle = new int[count + 16];
      int[] plainClassOf = new int[change.activityNames().length];
      Arrays.fill(plainClassOf, -1);
      for (int k = 0; k < count; k++) {
        int a = recode == null ? old.classActivity(k) : recode[old.classActivity(k)];
        activity[k] = a;
        lifecycle[k] = old.classLifecycleId(k);
        if (lifecycle[k] < 0) plainClassOf[a] = k;
      }
      appended = new int[change.appendedCount()];
      for (int d = 0; d < appended.length; d++) {
        int a = change.activityOf()[d];
        if (plainClassOf[a] < 0) {
          if (count == activity.length) {
            activity = Arrays.copyOf(activity, count * 2);
            lifecycle = Arrays.copyOf(lifecycle, count * 2);
          }
          activity[count] = a;
          lifecycle[count] = -1;
          plainClassOf[a] = count++;
        }
        appended[d] = plainClassOf[a];
      }
    }

    int[] activity() {
      return Arrays.copyOf(activity, count);
    }

    int[] lifecycle() {
      return Arrays.copyOf(lifecycle, count);
    }
  }
}
