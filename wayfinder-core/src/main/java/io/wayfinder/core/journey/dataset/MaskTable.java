package io.wayfinder.core.journey.dataset;

import java.util.List;

/**
 * Up to 64 event tests evaluated together: per event, the bit set of tests it matches. Tests on
 * the event name alone are looked up by activity; the others are checked only for events whose
 * activity can match.
 */
public final class MaskTable {
  private final JourneyDataset data;
  private final EventTest[] tests;
  private final long[] byClass;
  private final int[] classOf;
  private final long needsCheck;

  public MaskTable(JourneyDataset data, List<EventFilter> filters) {
    if (filters.size() > 64) throw new IllegalArgumentException("at most 64 event filters at once");
    this.data = data;
    this.tests = filters.stream().map(data::compile).toArray(EventTest[]::new);
    this.byClass = new long[data.index().eventClassCount()];
    this.classOf = data.index().eventClassColumn();
    long check = 0;
    for (int k = 0; k < tests.length; k++) {
      for (int c = 0; c < byClass.length; c++) if (tests[k].acceptsActivity(data.index().classActivity(c))) byClass[c] |= 1L << k;
      if (!tests[k].nameOnly()) check |= 1L << k;
    }
    this.needsCheck = check;
  }

  /**
   * The mask of every event class when the activity alone decides every test (no channel or
   * property condition): then {@code mask(i) == classMasks()[eventClass[i]]}, a plain array
   * lookup in hot loops. Null otherwise. Shared, not copied: callers must not modify it.
   */
  public long[] classMasks() {
    return needsCheck == 0 ? byClass : null;
  }

  /** True when there are no tests (every mask is 0). */
  public boolean isEmpty() {
    return tests.length == 0;
  }

  /** The tests event {@code i} matches, as bits. */
  public long mask(int i) {
    long m = byClass[classOf[i]];
    long verify = m & needsCheck;
    if (verify == 0) return m;
    while (verify != 0) {
      int k = Long.numberOfTrailingZeros(verify);
      verify &= verify - 1;
      if (!tests[k].test(i)) m &= ~(1L << k);
    }
    return m;
  }
}
