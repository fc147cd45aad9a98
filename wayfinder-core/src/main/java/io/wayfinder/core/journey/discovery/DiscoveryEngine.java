package io.wayfinder.core.journey.discovery;

import io.wayfinder.core.journey.index.JourneyIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs discovery queries over a {@link JourneyIndex}: two passes over the selected events, the
 * first counting (start/end activities, edges, variants, durations, rework), the second gathering
 * the transition times of each edge into one array for mean, median and p90.
 *
 * <p>Thread-safe: each call works on its own buffers.
 */
public final class DiscoveryEngine {
  private static final Comparator<NamedCount> BY_COUNT_THEN_NAME =
      Comparator.comparingInt(NamedCount::count).reversed()
          .thenComparing(NamedCount::name, Comparator.nullsFirst(CodePointOrder.INSTANCE));

  private final JourneyIndex index;

  public DiscoveryEngine(JourneyIndex index) {
    this.index = index;
  }

  /** Discovers the directly-follows graph, variants, durations and rework of the query's slice. */
  public DiscoveryResult discover(DiscoveryQuery query) {
    EventSelection s = new EventSelection(index, query);
    int labels = s.labels.length;
    int[] classOf = index.eventClassColumn();
    long[] time = index.timeColumn();
    int[] classCount = new int[index.eventClassCount()];
    int[] starts = new int[labels];
    int[] ends = new int[labels];
    int[] seenInCase = new int[labels];
    int[] reworkedInCase = new int[labels];
    int[] reworkCases = new int[labels];
    int[] repeats = new int[labels];
    EdgeIds edges = new EdgeIds(labels);
    int[] edgeCount = new int[64];
    VariantTable variants = new VariantTable();
    long[] durations = new long[s.cases.length];
    int[] seq = new int[s.longestCase()];
    int cases = 0;
    int events = 0;
    for (int c : s.cases) {
      int len = 0;
      long first = 0;
      long last = 0;
      int mark = cases + 1;
      for (int i = index.caseStart(c), end = index.caseStart(c + 1); i < end; i++) {
        long t = time[i];
        int label = t >= s.from && t < s.to ? s.labelOfClass[classOf[i]] : -1;
        if (label < 0) {
          continue;
        }
        classCount[classOf[i]]++;
        if (len == 0) {
          first = t;
          starts[label]++;
        } else {
          int e = edges.id(seq[len - 1], label);
          if (e == edgeCount.length) {
            edgeCount = Arrays.copyOf(edgeCount, e * 2);
          }
          edgeCount[e]++;
        }
        if (seenInCase[label] == mark) {
          repeats[label]++;
          if (reworkedInCase[label] != mark) {
            reworkedInCase[label] = mark;
            reworkCases[label]++;
          }
        }
        seenInCase[label] = mark;
        seq[len++] = label;
        last = t;
      }
      if (len > 0) {
        ends[seq[len - 1]]++;
        durations[cases++] = last - first;
        events += len;
        variants.add(seq, len);
      }
    }
    List<DirectlyFollows> dfg = transitionTimes(s, edges, edgeCount);
    return new DiscoveryResult(
        cases,
        events,
        activitiesPresent(s, classCount),
        counts(s.labels, starts),
        counts(s.labels, ends),
        lifecycleCounts(classCount),
        dfg,
        variantList(s, variants, cases),
        caseDurations(durations, cases),
        reworkList(s.labels, reworkCases, repeats));
  }

  /** Second pass: the time between the two events of every edge occurrence, grouped by edge. */
  private List<DirectlyFollows> transitionTimes(EventSelection s, EdgeIds edges, int[] edgeCount) {
    int n = edges.size;
    int[] offset = new int[n + 1];
    for (int e = 0; e < n; e++) {
      offset[e + 1] = offset[e] + edgeCount[e];
    }
    int[] fill = Arrays.copyOf(offset, n);
    long[] gaps = new long[offset[n]];
    int[] classOf = index.eventClassColumn();
    long[] time = index.timeColumn();
    for (int c : s.cases) {
      int prev = -1;
      long prevTime = 0;
      for (int i = index.caseStart(c), end = index.caseStart(c + 1); i < end; i++) {
        long t = time[i];
        int label = t >= s.from && t < s.to ? s.labelOfClass[classOf[i]] : -1;
        if (label < 0) {
          continue;
        }
        if (prev >= 0) {
          gaps[fill[edges.existing(prev, label)]++] = t - prevTime;
        }
        prev = label;
        prevTime = t;
      }
    }
    List<DirectlyFollows> dfg = new ArrayList<>(n);
    for (int e = 0; e < n; e++) {
      int from = offset[e];
      int to = offset[e + 1];
      dfg.add(new DirectlyFollows(
          s.labels[edges.from[e]], s.labels[edges.to[e]], to - from,
          seconds(Quantiles.mean(gaps, from, to)),
          seconds(Quantiles.quantile(gaps, from, to, 0.5)),
          seconds(Quantiles.quantile(gaps, from, to, 0.9))));
    }
    // label ids are code-point ranks, so names compare as their ids; sort by count, from, to
    dfg.sort(Comparator.comparingInt(DirectlyFollows::count).reversed()
        .thenComparing(DirectlyFollows::from, CodePointOrder.INSTANCE)
        .thenComparing(DirectlyFollows::to, CodePointOrder.INSTANCE));
    return dfg;
  }

  private static double seconds(double micros) {
    return micros / 1e6;
  }

  private static List<String> activitiesPresent(EventSelection s, int[] classCount) {
    boolean[] present = new boolean[s.labels.length];
    for (int k = 0; k < classCount.length; k++) {
      if (classCount[k] > 0) {
        present[s.labelOfClass[k]] = true;
      }
    }
    List<String> names = new ArrayList<>();
    for (int l = 0; l < present.length; l++) {
      if (present[l]) {
        names.add(s.labels[l]);
      }
    }
    return names;
  }

  private static List<NamedCount> counts(String[] labels, int[] counts) {
    List<NamedCount> list = new ArrayList<>();
    for (int l = 0; l < counts.length; l++) {
      if (counts[l] > 0) {
        list.add(new NamedCount(labels[l], counts[l]));
      }
    }
    list.sort(BY_COUNT_THEN_NAME);
    return list;
  }

  private List<NamedCount> lifecycleCounts(int[] classCount) {
    Map<String, Integer> byName = new HashMap<>();
    for (int k = 0; k < classCount.length; k++) {
      if (classCount[k] > 0) {
        byName.merge(index.classLifecycle(k), classCount[k], Integer::sum);
      }
    }
    List<NamedCount> list = new ArrayList<>();
    byName.forEach((name, count) -> list.add(new NamedCount(name, count)));
    list.sort(BY_COUNT_THEN_NAME);
    return list;
  }

  private static List<Variant> variantList(EventSelection s, VariantTable table, int cases) {
    List<Variant> list = new ArrayList<>(table.size);
    for (int v = 0; v < table.size; v++) {
      List<String> names = new ArrayList<>();
      for (int l : table.sequence(v)) {
        names.add(s.labels[l]);
      }
      list.add(new Variant(names, table.counts[v], (double) table.counts[v] / cases));
    }
    list.sort(Comparator.comparingInt(Variant::count).reversed()
        .thenComparing(Variant::joined, CodePointOrder.INSTANCE));
    return list;
  }

  private static CaseDurations caseDurations(long[] d, int n) {
    if (n == 0) {
      return new CaseDurations(0, 0, 0, 0);
    }
    return new CaseDurations(
        seconds(Quantiles.mean(d, 0, n)),
        seconds(Quantiles.quantile(d, 0, n, 0.5)),
        seconds(Quantiles.min(d, 0, n)),
        seconds(Quantiles.max(d, 0, n)));
  }

  private static List<Rework> reworkList(String[] labels, int[] cases, int[] repeats) {
    List<Rework> list = new ArrayList<>();
    for (int l = 0; l < labels.length; l++) {
      if (cases[l] > 0) {
        list.add(new Rework(labels[l], cases[l], repeats[l]));
      }
    }
    list.sort(Comparator.comparingInt(Rework::cases).reversed()
        .thenComparing(Rework::activity, CodePointOrder.INSTANCE));
    return list;
  }

  /**
   * A simple funnel: step {@code k} counts the cases whose time-ordered activities contain steps
   * {@code 1..k} in order, other events allowed in between (greedy earliest match, each step at a
   * later event than the previous one).
   */
  public FunnelResult funnel(DiscoveryQuery query, List<String> steps) {
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a funnel needs at least one step");
    }
    EventSelection s = new EventSelection(index, query);
    int[] step = steps.stream().mapToInt(s::labelId).toArray();
    int[] reached = new int[step.length + 1];
    int[] classOf = index.eventClassColumn();
    long[] time = index.timeColumn();
    for (int c : s.cases) {
      int k = 0;
      for (int i = index.caseStart(c), end = index.caseStart(c + 1); i < end && k < step.length; i++) {
        long t = time[i];
        if (t >= s.from && t < s.to && s.labelOfClass[classOf[i]] == step[k] && step[k] >= 0) {
          k++;
        }
      }
      reached[k]++;
    }
    List<FunnelResult.Step> result = new ArrayList<>();
    int atLeast = 0;
    int[] count = new int[step.length];
    for (int k = step.length; k >= 1; k--) {
      atLeast += reached[k];
      count[k - 1] = atLeast;
    }
    for (int k = 0; k < step.length; k++) {
      Double conversion = k == 0 || count[k - 1] == 0 ? null : (double) count[k] / count[k - 1];
      result.add(new FunnelResult.Step(steps.get(k), count[k], conversion));
    }
    return new FunnelResult(result);
  }
}
