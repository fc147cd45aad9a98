package io.wayfinder.core.journey.funnel;

import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.dataset.LongSample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns a {@link FunnelOutcome} into a {@link FunnelReport}. */
final class FunnelReportBuilder {
  private static final int MAX_GROUPS = 25;
  private static final long MINUTE = 60_000_000L;
  private static final long[] BOUNDS = {MINUTE, 10 * MINUTE, 60 * MINUTE, 360 * MINUTE, 1440 * MINUTE,
      3 * 1440 * MINUTE, 7 * 1440 * MINUTE, 30 * 1440 * MINUTE};
  private static final String[] LABELS = {"<= 1m", "<= 10m", "<= 1h", "<= 6h", "<= 1d", "<= 3d", "<= 7d", "<= 30d", "> 30d"};

  private final JourneyDataset data;
  private final Funnel f;
  private final FunnelOutcome o;
  private final int steps;

  FunnelReportBuilder(JourneyDataset data, Funnel f, FunnelOutcome o) {
    this.data = data;
    this.f = f;
    this.o = o;
    this.steps = f.steps().size();
  }

  /** The previous required step before {@code s} (0-based), or -1 for the first. */
  static int previousRequired(Funnel f, int s) {
    for (int p = s - 1; p >= 0; p--) if (!f.steps().get(p).optional()) return p;
    return -1;
  }

  FunnelReport build() {
    int[] count = new int[steps];
    int excluded = 0;
    boolean[] optional = new boolean[steps];
    for (int s = 0; s < steps; s++) optional[s] = f.steps().get(s).optional();
    for (int c = 0; c < o.level.length; c++) {
      if (o.level[c] == FunnelOutcome.EXCLUDED) excluded++;
      for (int s = 0; s < steps && s <= Math.max(o.level[c], 0); s++) if (o.reached(c, s, optional[s])) count[s]++;
    }
    int entered = count[0];
    int converted = count[steps - 1];
    List<FunnelReport.StepResult> results = new ArrayList<>();
    for (int s = 0; s < steps; s++) {
      FunnelStep st = f.steps().get(s);
      int prev = previousRequired(f, s);
      Double fromPrev = prev < 0 ? null : ratio(count[s], count[prev]);
      int drop = prev < 0 ? 0 : count[prev] - count[s];
      results.add(new FunnelReport.StepResult(s + 1, st.label(), st.optional(), count[s], fromPrev,
          ratio(count[s], entered), drop, s == 0 ? null : FunnelEngine.seconds(o.fromPrevious[s], 0.5)));
    }
    return new FunnelReport(f.order(), f.window(), o.inScope, entered, converted, excluded,
        ratio(converted, entered), results, timeToConvert(), breakdown());
  }

  private FunnelReport.TimeToConvert timeToConvert() {
    LongSample t = o.timeToConvert;
    List<FunnelReport.Bucket> histogram = new ArrayList<>();
    int below = 0;
    for (int b = 0; b < BOUNDS.length; b++) {
      int upTo = t.countAtMost(BOUNDS[b]);
      histogram.add(new FunnelReport.Bucket(LABELS[b], BOUNDS[b] / 1e6, upTo - below));
      below = upTo;
    }
    histogram.add(new FunnelReport.Bucket(LABELS[BOUNDS.length], null, t.size() - below));
    return new FunnelReport.TimeToConvert(t.size(), LongSample.seconds(t.mean()), FunnelEngine.seconds(t, 0.1),
        FunnelEngine.seconds(t, 0.25), FunnelEngine.seconds(t, 0.5), FunnelEngine.seconds(t, 0.75),
        FunnelEngine.seconds(t, 0.9), histogram);
  }

  private List<FunnelReport.BreakdownGroup> breakdown() {
    if (f.breakdown() == null) return null;
    Map<String, int[]> groups = new HashMap<>();
    for (int c = 0; c < o.level.length; c++) {
      if (o.level[c] < 0) continue;
      String v = FunnelEngine.groupOf(data, f.breakdown(), c, o.anchor[c]);
      int[] g = groups.computeIfAbsent(v == null ? "(none)" : v, k -> new int[steps]);
      for (int s = 0; s < steps; s++) if (o.reached(c, s, f.steps().get(s).optional())) g[s]++;
    }
    List<Map.Entry<String, int[]>> sorted = new ArrayList<>(groups.entrySet());
    sorted.sort(Comparator.<Map.Entry<String, int[]>>comparingInt(e -> -e.getValue()[0]).thenComparing(Map.Entry::getKey));
    List<FunnelReport.BreakdownGroup> out = new ArrayList<>();
    int[] other = new int[steps];
    for (int k = 0; k < sorted.size(); k++) {
      int[] g = sorted.get(k).getValue();
      if (k < MAX_GROUPS) out.add(group(sorted.get(k).getKey(), g));
      else for (int s = 0; s < steps; s++) other[s] += g[s];
    }
    if (sorted.size() > MAX_GROUPS) out.add(group("(other)", other));
    return out;
  }

  private FunnelReport.BreakdownGroup group(String value, int[] g) {
    List<Integer> counts = new ArrayList<>();
    for (int x : g) counts.add(x);
    return new FunnelReport.BreakdownGroup(value, g[0], g[steps - 1], ratio(g[steps - 1], g[0]), counts);
  }

  private static Double ratio(int a, int b) {
    return b == 0 ? null : (double) a / b;
  }
}
