package io.wayfinder.core.voc.kpi;

import java.time.Instant;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maps epoch milliseconds to the local epoch day in a time zone, with the zone's offset changes
 * between two instants looked up once, so the per-row cost is a short binary search.
 */
final class LocalDays {
  private static final long DAY_SECONDS = 86_400;

  /** Start (epoch seconds) of each offset window; the first is unbounded below. */
  private final long[] starts;
  private final int[] offsets;

  LocalDays(ZoneRules rules, long fromMillis, long toMillis) {
    Instant from = Instant.ofEpochMilli(fromMillis);
    List<Long> s = new ArrayList<>();
    List<Integer> o = new ArrayList<>();
    s.add(Long.MIN_VALUE);
    o.add(rules.getOffset(from).getTotalSeconds());
    for (ZoneOffsetTransition t = rules.nextTransition(from);
        t != null && t.getInstant().toEpochMilli() <= toMillis;
        t = rules.nextTransition(t.getInstant())) {
      s.add(t.getInstant().getEpochSecond());
      o.add(t.getOffsetAfter().getTotalSeconds());
    }
    starts = s.stream().mapToLong(Long::longValue).toArray();
    offsets = o.stream().mapToInt(Integer::intValue).toArray();
  }

  long epochDay(long epochMillis) {
    long seconds = Math.floorDiv(epochMillis, 1000);
    int i = starts.length == 1 ? 0 : Arrays.binarySearch(starts, seconds);
    if (i < 0) i = -i - 2;
    return Math.floorDiv(seconds + offsets[i], DAY_SECONDS);
  }
}
