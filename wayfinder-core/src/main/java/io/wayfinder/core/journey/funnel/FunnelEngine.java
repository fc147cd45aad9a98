package io.wayfinder.core.journey.funnel;

import io.wayfinder.core.journey.dataset.Column;
import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.dataset.LongSample;
import io.wayfinder.core.journey.dataset.MaskTable;
import io.wayfinder.core.journey.dataset.Segment;
import io.wayfinder.core.journey.index.JourneyIndex;
import io.wayfinder.core.journey.index.JourneyIndexBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link Funnel}s over a {@link JourneyDataset}: one pass over the customers, each matched
 * on its own events (see {@link Funnel} for the semantics). Thread-safe.
 */
public final class FunnelEngine {
  private final JourneyDataset data;

  public FunnelEngine(JourneyDataset data) {
    this.data = data;
  }

  public FunnelReport run(Funnel f) {
    FunnelOutcome o = match(f);
    return new FunnelReportBuilder(data, f, o).build();
  }

  /**
   * The customers who reached {@code step} (1-based), or with {@code droppedOff} those who reached
   * the previous required step but not this one; at most {@code limit}, in case order.
   */
  public List<String> customers(Funnel f, int step, boolean droppedOff, int limit) {
    if (step < 1 || step > f.steps().size()) {
      throw new IllegalArgumentException("step: expected 1 to " + f.steps().size() + ", got " + step);
    }
    if (droppedOff && step == 1) throw new IllegalArgumentException("step: there is no drop-off before step 1");
    FunnelOutcome o = match(f);
    int s = step - 1;
    boolean optional = f.steps().get(s).optional();
    int prev = FunnelReportBuilder.previousRequired(f, s);
    List<String> out = new ArrayList<>();
    for (int c = 0; c < o.level.length && out.size() < limit; c++) {
      boolean here = o.reached(c, s, optional);
      boolean keep = droppedOff ? !here && o.level[c] >= prev : here;
      if (keep) out.add(data.index().caseName(c));
    }
    return out;
  }

  FunnelOutcome match(Funnel f) {
    JourneyIndex index = data.index();
    int steps = f.steps().size();
    MaskTable stepTable = new MaskTable(data, f.steps().stream().map(FunnelStep::filter).toList());
    MaskTable exclTable = new MaskTable(data, f.exclusions().stream().map(Exclusion::filter).toList());
    boolean strict = f.order() == FunnelOrder.STRICT;
    boolean noExclusions = exclTable.isEmpty();
    Segment seg = Segment.parse(f.segment());
    boolean[] members = seg == null ? null : seg.members(data);
    long from = f.from() == null ? Long.MIN_VALUE : JourneyIndexBuilder.micros(f.from());
    long to = f.to() == null ? Long.MAX_VALUE : JourneyIndexBuilder.micros(f.to());
    long[] time = index.timeColumn();
    int longest = 0;
    for (int c = 0; c < index.caseCount(); c++) longest = Math.max(longest, index.caseStart(c + 1) - index.caseStart(c));
    int[] ev = new int[longest];
    long[] tm = new long[longest];
    long[] sm = new long[longest];
    long[] xm = new long[longest];
    CaseMatcher matcher = new CaseMatcher(f);
    FunnelOutcome o = new FunnelOutcome(index.caseCount(), steps);
    for (int c = 0; c < index.caseCount(); c++) {
      o.level[c] = FunnelOutcome.OUT_OF_SCOPE;
      if (members != null && !members[c]) continue;
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
      o.inScope++;
      matcher.match(n, ev, tm, sm, xm);
      o.level[c] = matcher.excluded ? FunnelOutcome.EXCLUDED : matcher.bestLevel;
      if (matcher.bestLevel >= 0 && !matcher.excluded) record(o, c, matcher.best, time, steps);
    }
    return o;
  }

  private static void record(FunnelOutcome o, int c, int[] best, long[] time, int steps) {
    long bits = 0;
    int prev = -1;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (int s = 0; s < steps; s++) {
      if (best[s] < 0) continue;
      bits |= 1L << s;
      long t = time[best[s]];
      if (prev >= 0) o.fromPrevious[s].add(t - time[best[prev]]);
      prev = s;
      first = Math.min(first, t);
      last = Math.max(last, t);
    }
    o.matched[c] = bits;
    o.anchor[c] = best[0];
    if (best[steps - 1] >= 0) o.timeToConvert.add(last - first);
  }

  /** The breakdown value of customer {@code c} (entered), or null. */
  static String groupOf(JourneyDataset d, FunnelBreakdown b, int c, int anchor) {
    return switch (b.by()) {
      case "channel" -> d.channel().value(anchor);
      case "property" -> {
        Column col = d.property(b.key());
        if (col == null) throw new IllegalArgumentException("breakdown.key: property '" + b.key() + "' is not loaded");
        yield col.value(anchor);
      }
      default -> {
        Column col = d.trait(b.key());
        yield col == null ? null : col.value(c);
      }
    };
  }

  static Double seconds(LongSample s, double q) {
    return LongSample.seconds(s.quantile(q));
  }
}
