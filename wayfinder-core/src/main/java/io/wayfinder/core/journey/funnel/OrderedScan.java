package io.wayfinder.core.journey.funnel;

import io.wayfinder.core.journey.index.JourneyIndex;

/**
 * The common funnel, matched in one tight pass over the index's primitive columns: ordered steps
 * on event names only, no optional step, no per-step window, no exclusion. Then an attempt is the
 * greedy subsequence match (each step the earliest later event of its name within the window), and
 * the step bits of an event are one lookup by its event class. No per-customer allocation; gives
 * exactly what {@link GeneralScan} gives for such funnels (tested on random data).
 */
final class OrderedScan {
  private OrderedScan() {}

  /** Whether {@code f} is a funnel this scan can match. */
  static boolean applies(FunnelScope scope) {
    Funnel f = scope.funnel();
    return f.order() == FunnelOrder.ORDERED && f.exclusions().isEmpty()
        && f.steps().stream().noneMatch(s -> s.optional() || s.within() != null)
        && scope.steps().classMasks() != null;
  }

  static void run(FunnelScope scope, FunnelOutcome o, FunnelChunk chunk) {
    JourneyIndex index = scope.index();
    long[] classMask = scope.steps().classMasks();
    int[] cls = index.eventClassColumn();
    long[] time = index.timeColumn();
    int steps = scope.funnel().steps().size();
    int lastStep = steps - 1;
    long window = scope.funnel().windowMicros();
    long from = scope.from();
    long to = scope.to();
    int[] attempt = new int[steps];
    int[] best = new int[steps];
    for (int c = chunk.first; c < chunk.last; c++) {
      o.level[c] = FunnelOutcome.OUT_OF_SCOPE;
      if (!scope.member(c)) continue;
      // a case is time-sorted, so its events in [from, to) are one range [lo, hi)
      int lo = index.caseStart(c);
      int hi = index.caseStart(c + 1);
      while (lo < hi && time[lo] < from) lo++;
      while (hi > lo && time[hi - 1] >= to) hi--;
      if (lo == hi) continue;
      chunk.inScope++;
      int bestLevel = -1;
      for (int p = lo; p < hi && bestLevel < lastStep; p++) {
        if ((classMask[cls[p]] & 1L) == 0) continue;
        long end = time[p] + window;
        attempt[0] = p;
        int next = 1;
        int q = p + 1;
        for (; q < hi && next < steps; q++) {
          if (time[q] > end) break;
          if ((classMask[cls[q]] & (1L << next)) != 0) attempt[next++] = q;
        }
        if (next - 1 > bestLevel) {
          bestLevel = next - 1;
          System.arraycopy(attempt, 0, best, 0, next);
        }
        // the events ran out before the window closed: a later start matches each step at the
        // same or a later event, so it cannot get further, and the earliest of equals wins
        if (q == hi && next < steps) break;
      }
      o.level[c] = bestLevel;
      if (bestLevel < 0) continue;
      for (int s = 1; s <= bestLevel; s++) chunk.fromPrevious[s].add(time[best[s]] - time[best[s - 1]]);
      o.matched[c] = bestLevel == 63 ? -1L : (1L << (bestLevel + 1)) - 1;
      o.anchor[c] = best[0];
      // time-sorted, so the first step is the earliest and the last the latest
      if (bestLevel == lastStep) chunk.timeToConvert.add(time[best[lastStep]] - time[best[0]]);
    }
  }
}
