package io.wayfinder.core.journey.discovery;

import io.wayfinder.core.journey.index.JourneyIndex;
import io.wayfinder.core.journey.index.JourneyIndexBuilder;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A {@link DiscoveryQuery} resolved against one index: the cases to visit, the period in index
 * units, and for each event class its activity label id or -1 when filtered out. Label ids are
 * ranks in code-point order, so comparing ids compares names.
 */
final class EventSelection {
  final JourneyIndex index;
  final int[] cases;
  final long from;
  final long to;
  final int[] labelOfClass;
  final String[] labels;

  EventSelection(JourneyIndex index, DiscoveryQuery q) {
    this.index = index;
    this.from = q.from() == null ? Long.MIN_VALUE : JourneyIndexBuilder.micros(q.from());
    this.to = q.to() == null ? Long.MAX_VALUE : JourneyIndexBuilder.micros(q.to());
    this.cases = q.cases() == null
        ? IntStream.range(0, index.caseCount()).toArray()
        : IntStream.range(0, index.caseCount()).filter(c -> q.cases().contains(index.caseName(c))).toArray();
    int k = index.eventClassCount();
    String[] raw = new String[k];
    for (int c = 0; c < k; c++) {
      raw[c] = q.classifier().labelOf(index, c);
    }
    this.labels = Arrays.stream(raw).distinct().sorted(CodePointOrder.INSTANCE).toArray(String[]::new);
    this.labelOfClass = new int[k];
    for (int c = 0; c < k; c++) {
      boolean kept = q.activities() == null || q.activities().contains(index.activityName(index.classActivity(c)));
      labelOfClass[c] = kept ? Arrays.binarySearch(labels, raw[c], CodePointOrder.INSTANCE) : -1;
    }
  }

  /** The label id of {@code name}, or -1 if no event class has it. */
  int labelId(String name) {
    int i = Arrays.binarySearch(labels, name, CodePointOrder.INSTANCE);
    return i < 0 ? -1 : i;
  }

  /** The longest of {@code cases[fromPos, toPos)}, for per-case buffers. */
  int longestCase(int fromPos, int toPos) {
    int longest = 0;
    for (int p = fromPos; p < toPos; p++) {
      longest = Math.max(longest, index.caseStart(cases[p] + 1) - index.caseStart(cases[p]));
    }
    return longest;
  }
}
