package io.wayfinder.core.journey.retention;

import io.wayfinder.core.journey.dataset.Column;
import io.wayfinder.core.journey.dataset.EventFilter;
import io.wayfinder.core.journey.dataset.EventTest;
import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.dataset.Segment;
import io.wayfinder.core.journey.index.JourneyIndex;
import io.wayfinder.core.journey.index.JourneyIndexBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Runs {@link RetentionQuery}s over a {@link JourneyDataset}: one pass over each customer's
 * time-sorted events, in chunks of customers in parallel on large data (the counts are sums, so
 * the result does not depend on the chunking). Thread-safe.
 */
public final class RetentionEngine {
  private static final int PARALLEL_THRESHOLD = 200_000;
  private final JourneyDataset data;

  public RetentionEngine(JourneyDataset data) {
    this.data = data;
  }

  /**
   * Runs {@code q} over the customers in {@code population} (per case id; null: everyone; the
   * query's saved cohort is already applied to it). {@code journeys} maps each journey id to the
   * customers who entered it; only the journey breakdown reads it.
   */
  public RetentionReport run(RetentionQuery q, boolean[] population, Map<String, boolean[]> journeys) {
    EventTest start = test(q.start(), "start");
    EventTest returning = test(q.returning(), "returning");
    if (q.breakdown().equals("journey") && journeys == null) throw new IllegalArgumentException("breakdown: no journeys defined");
    boolean[] members = population == null ? null : population.clone();
    if (q.segment() != null) {
      boolean[] seg = Segment.parse(q.segment()).members(data);
      if (members == null) members = seg;
      else for (int c = 0; c < seg.length; c++) members[c] &= seg[c];
    }
    long last = lastEventMicros();
    Scan scan = new Scan(data, q, start, returning, members, journeys, q.periodUnit().index(last));
    int cases = data.caseCount();
    int parts = data.eventCount() < PARALLEL_THRESHOLD ? 1 : 4 * Runtime.getRuntime().availableProcessors();
    List<Tally> tallies = IntStream.range(0, parts).parallel()
        .mapToObj(p -> scan.run((int) ((long) cases * p / parts), (int) ((long) cases * (p + 1) / parts))).toList();
    Tally total = new Tally(q.periods());
    for (Tally t : tallies) total.add(t);
    return total.report(q, last == Long.MIN_VALUE ? null : micros(last));
  }

  private EventTest test(EventFilter f, String field) {
    if (f == null) return null;
    if (f.event() != null && data.activityId(f.event()) < 0) {
      throw new IllegalArgumentException(field + ".event: no event '" + f.event() + "' in the event log");
    }
    if (f.channel() != null && data.channel().codeOf(f.channel()) < 0) {
      throw new IllegalArgumentException(field + ".channel: no events on channel '" + f.channel() + "'");
    }
    return data.compile(f);
  }

  private long lastEventMicros() {
    long[] time = data.index().timeColumn();
    long last = Long.MIN_VALUE;
    for (int c = 0; c < data.caseCount(); c++) {
      int end = data.index().caseStart(c + 1);
      if (end > data.index().caseStart(c)) last = Math.max(last, time[end - 1]);
    }
    return last;
  }

  private static Instant micros(long t) {
    return Instant.ofEpochSecond(Math.floorDiv(t, 1_000_000L), Math.floorMod(t, 1_000_000L) * 1000L);
  }

  /** What every chunk reads: resolved once, read-only. */
  private record Scan(JourneyDataset data, RetentionQuery q, EventTest start, EventTest returning, boolean[] members,
      Map<String, boolean[]> journeys, int lastPeriod) {

    Tally run(int fromCase, int toCase) {
      JourneyIndex index = data.index();
      long[] time = index.timeColumn();
      Period unit = q.periodUnit();
      Period cohortUnit = q.cohortUnit();
      long from = q.from() == null ? Long.MIN_VALUE : JourneyIndexBuilder.micros(q.from());
      long to = q.to() == null ? Long.MAX_VALUE : JourneyIndexBuilder.micros(q.to());
      int periods = q.periods();
      boolean[] back = new boolean[periods + 1];
      Tally tally = new Tally(periods);
      for (int c = fromCase; c < toCase; c++) {
        if (members != null && !members[c]) continue;
        int end = index.caseStart(c + 1);
        int s = index.caseStart(c);
        while (s < end && start != null && !start.test(s)) s++;
        if (s == end || time[s] < from || time[s] >= to) continue;
        int acquired = unit.index(time[s]);
        java.util.Arrays.fill(back, false);
        int furthest = -1;
        for (int i = s + 1; i < end; i++) {
          if (returning != null && !returning.test(i)) continue;
          int offset = unit.index(time[i]) - acquired;
          furthest = Math.max(furthest, offset);
          if (offset <= periods) back[offset] = true;
        }
        if (q.onOrAfter()) for (int n = 0; n <= periods; n++) back[n] = furthest >= n;
        int observable = Math.min(periods, lastPeriod - acquired);
        for (String group : groups(c, s, cohortUnit.index(time[s]), cohortUnit)) tally.row(group).count(observable, back);
        tally.all.count(observable, back);
      }
      return tally;
    }

    private List<String> groups(int c, int s, int cohortPeriod, Period cohortUnit) {
      String b = q.breakdown();
      return switch (b) {
        case "none" -> List.of();
        case "cohort" -> List.of(cohortUnit.label(cohortPeriod));
        case "channel" -> List.of(orNone(data.channel().value(s)));
        case "journey" -> {
          List<String> in = new ArrayList<>();
          journeys.forEach((id, entered) -> {
            if (entered[c]) in.add(id);
          });
          yield in;
        }
        default -> {
          Column trait = data.trait(b.substring("segment:".length()));
          yield List.of(orNone(trait == null ? null : trait.value(c)));
        }
      };
    }

    private static String orNone(String v) {
      return v == null ? "(none)" : v;
    }
  }

  /** Counts of customers, eligible and returned per offset, per row and for all. */
  private static final class Tally {
    final int periods;
    final Map<String, Counts> rows = new HashMap<>();
    final Counts all;

    Tally(int periods) {
      this.periods = periods;
      this.all = new Counts(periods);
    }

    Counts row(String group) {
      return rows.computeIfAbsent(group, g -> new Counts(periods));
    }

    void add(Tally other) {
      all.add(other.all);
      other.rows.forEach((g, c) -> row(g).add(c));
    }

    RetentionReport report(RetentionQuery q, Instant last) {
      // ISO labels of days, weeks and months sort as their periods do
      List<RetentionRow> out = rows.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
          .map(e -> e.getValue().row(e.getKey())).toList();
      return new RetentionReport(q, all.customers, out, all.row("all"), last);
    }
  }

  private static final class Counts {
    int customers;
    final int[] eligible;
    final int[] returned;

    Counts(int periods) {
      eligible = new int[periods + 1];
      returned = new int[periods + 1];
    }

    void count(int observable, boolean[] back) {
      customers++;
      for (int n = 0; n <= observable; n++) {
        eligible[n]++;
        if (back[n]) returned[n]++;
      }
    }

    void add(Counts o) {
      customers += o.customers;
      for (int n = 0; n < eligible.length; n++) {
        eligible[n] += o.eligible[n];
        returned[n] += o.returned[n];
      }
    }

    RetentionRow row(String group) {
      List<RetentionCell> cells = new ArrayList<>(eligible.length);
      for (int n = 0; n < eligible.length; n++) cells.add(RetentionCell.of(n, eligible[n], returned[n]));
      return new RetentionRow(group, customers, cells);
    }
  }
}
