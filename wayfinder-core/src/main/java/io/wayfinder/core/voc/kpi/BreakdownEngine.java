package io.wayfinder.core.voc.kpi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Runs a {@link Breakdown} over a {@link ResponseTable} in one pass: each response's group
 * (dimension codes and period bucket, packed into one long) gets a slot, and each slot a score
 * histogram; KPIs and intervals are computed per slot at the end.
 */
public final class BreakdownEngine {
  private static final long DAY_SECONDS = 86_400;
  /** Largest UTC offset, so every local day of the table falls within the period radix. */
  private static final long MAX_OFFSET_SECONDS = 18 * 3600;

  public BreakdownResult run(Breakdown q, ResponseTable t) {
    int range = q.scale().size();
    int min = q.scale().min();
    int[] dims = q.dimensions().stream().mapToInt(Dimension::ordinal).toArray();
    long[] radix = new long[dims.length];
    for (int i = 0; i < dims.length; i++) radix[i] = Math.max(1, t.values.get(dims[i]).size());

    int[][] filterCols = new int[q.filters().size()][];
    int[] filterCodes = new int[q.filters().size()];
    int f = 0;
    for (var e : q.filters().entrySet()) {
      filterCodes[f] = t.code(e.getKey(), e.getValue());
      if (filterCodes[f] < 0) return new BreakdownResult(q, List.of());
      filterCols[f++] = t.codes[e.getKey().ordinal()];
    }

    TrendPeriod period = q.period();
    long firstDay = Math.floorDiv(Math.floorDiv(t.minMillis, 1000) - MAX_OFFSET_SECONDS, DAY_SECONDS) - 31;
    long periodRadix = period == null || t.size == 0 ? 1
        : Math.floorDiv(Math.floorDiv(t.maxMillis, 1000) + MAX_OFFSET_SECONDS, DAY_SECONDS) - firstDay + 1;
    // Packed keys must not overflow, or groups would collide: fail loudly instead.
    long keySpace = periodRadix;
    for (long r : radix) keySpace = Math.multiplyExact(keySpace, r);

    LocalDays localDays = period == null || t.size == 0 ? null : new LocalDays(q.zone().getRules(), t.minMillis, t.maxMillis);
    long from = q.from() == null ? Long.MIN_VALUE : q.from().toEpochMilli();
    long to = q.to() == null ? Long.MAX_VALUE : q.to().toEpochMilli();
    byte scale = (byte) q.scale().ordinal();

    GroupIndex groups = new GroupIndex();
    long[] counts = new long[range * 16];
    rows:
    for (int row = 0; row < t.size; row++) {
      if (t.scales[row] != scale) continue;
      long ms = t.epochMillis[row];
      if (ms < from || ms >= to) continue;
      for (int k = 0; k < filterCols.length; k++) if (filterCols[k][row] != filterCodes[k]) continue rows;
      long key = 0;
      for (int i = 0; i < dims.length; i++) key = key * radix[i] + t.codes[dims[i]][row];
      if (localDays != null) key = key * periodRadix + period.startDay(localDays.epochDay(ms)) - firstDay;
      int slot = groups.slot(key);
      int at = slot * range;
      if (at + range > counts.length) counts = Arrays.copyOf(counts, Math.max(counts.length * 2, at + range));
      counts[at + t.scores[row] - min]++;
    }

    List<BreakdownRow> out = new ArrayList<>(groups.size());
    for (int slot = 0; slot < groups.size(); slot++) {
      long key = groups.key(slot);
      LocalDate start = null;
      if (period != null) {
        start = LocalDate.ofEpochDay(key % periodRadix + firstDay);
        key /= periodRadix;
      }
      String[] values = new String[dims.length];
      for (int i = dims.length - 1; i >= 0; i--) {
        values[i] = t.values.get(dims[i]).get((int) (key % radix[i]));
        key /= radix[i];
      }
      ScoreCounts c = ScoreCounts.ofArray(q.scale(), counts, slot * range);
      out.add(new BreakdownRow(List.of(values), start, c, KpiSummary.of(c, q.confidence())));
    }
    out.sort(ROW_ORDER);
    return new BreakdownResult(q, out);
  }

  private static final Comparator<BreakdownRow> ROW_ORDER = (a, b) -> {
    for (int i = 0; i < a.key().size(); i++) {
      int c = a.key().get(i).compareTo(b.key().get(i));
      if (c != 0) return c;
    }
    return a.periodStart() == null ? 0 : a.periodStart().compareTo(b.periodStart());
  };
}
