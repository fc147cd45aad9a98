package io.wayfinder.core.journey.funnel;

import io.wayfinder.core.journey.dataset.MaskTable;
import io.wayfinder.core.journey.index.JourneyIndex;

/**
 * Matches a chunk of customers with the full semantics (any order, strict, optional steps,
 * per-step windows, exclusions, property and channel conditions): each customer's events in
 * the period are gathered with their step and exclusion masks, then {@link CaseMatcher} finds
 * the best attempt.
 */
final class GeneralScan {
  private GeneralScan() {}

  static void run(FunnelScope scope, FunnelOutcome o, FunnelChunk chunk) {
    JourneyIndex index = scope.index();
    Funnel f = scope.funnel();
    int steps = f.steps().size();
    MaskTable stepTable = scope.steps();
    MaskTable exclTable = scope.exclusions();
    boolean strict = f.order() == FunnelOrder.STRICT;
    boolean noExclusions = exclTable.isEmpty();
    long from = scope.from();
    long to = scope.to();
    long[] time = index.timeColumn();
    int longest = 0;
    for (int c = chunk.first; c < chunk.last; c++) longest = Math.max(longest, index.caseStart(c + 1) - index.caseStart(c));
    int[] ev = new int[longest];
    long[] tm = new long[longest];
    long[] sm = new long[longest];
    long[] xm = new long[longest];
    CaseMatcher matcher = new CaseMatcher(f);
    for (int c = chunk.first; c < chunk.last; c++) {
      o.level[c] = FunnelOutcome.OUT_OF_SCOPE;
      if (!scope.member(c)) continue;
      int n = 0;
      boolean any = false;
      for (int i = index.caseStart(c), end = index.caseStart(c + 1); i < end; i++) {
        long t = time[i];
        if (t < from || t >= to) continue;
        any = true;
        long m = stepTable.mask(i);
        long x = noExclusions ? 0 : exclTable.mask(i);
        if (m == 0 && x == 0 && !strict) continue;
        ev[n] = i;
        tm[n] = t;
        sm[n] = m;
        xm[n] = x;
        n++;
      }
      if (!any) continue;
      chunk.inScope++;
      matcher.match(n, ev, tm, sm, xm);
      o.level[c] = matcher.excluded ? FunnelOutcome.EXCLUDED : matcher.bestLevel;
      if (matcher.bestLevel >= 0 && !matcher.excluded) record(o, chunk, c, matcher.best, time, steps);
    }
  }

  private static void record(FunnelOutcome o, FunnelChunk chunk, int c, int[] best, long[] time, int steps) {
    long bits = 0;
    int prev = -1;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (int s = 0; s < steps; s++) {
      if (best[s] < 0) continue;
      bits |= 1L << s;
      long t = time[best[s]];
      if (prev >= 0) chunk.fromPrevious[s].add(t - time[best[prev]]);
      prev = s;
      first = Math.min(first, t);
      last = Math.max(last, t);
    }
    o.matched[c] = bits;
    o.anchor[c] = best[0];
    if (best[steps - 1] >= 0) chunk.timeToConvert.add(last - first);
  }
}
