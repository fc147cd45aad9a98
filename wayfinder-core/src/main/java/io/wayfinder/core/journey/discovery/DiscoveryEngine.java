package io.wayfinder.core.journey.discovery;

import io.wayfinder.core.journey.index.JourneyIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Runs discovery queries over a {@link JourneyIndex}. The first pass over the selected events
 * turns each case into a variant and a duration; counts that depend only on the activity sequence
 * (start/end activities, edges, rework) are then taken once per variant; a second pass gathers the
 * transition times of each edge into one array for mean, median and p90. Both passes run over
 * chunks of cases in parallel (common fork-join pool); results do not depend on the chunking.
 *
 * <p>Thread-safe: each call works on its own buffers.
 */
public final class DiscoveryEngine {
  private static final Comparator<NamedCount> BY_COUNT_THEN_NAME =
      Comparator.comparingInt(NamedCount::count).reversed()
          .thenComparing(NamedCount::name, Comparator.nullsFirst(CodePointOrder.INSTANCE));

  /** Below this many events in the index, one thread does it all. */
  private static final int PARALLEL_THRESHOLD = 200_000;

  private final JourneyIndex index;
  private final int parallelThreshold;

  public DiscoveryEngine(JourneyIndex index) {
    this(index, PARALLEL_THRESHOLD);
  }

  /** With another threshold for going parallel; tests use 0 to run small logs in chunks. */
  DiscoveryEngine(JourneyIndex index, int parallelThreshold) {
    this.index = index;
    this.parallelThreshold = parallelThreshold;
  }

  /** Discovers the directly-follows graph, variants, durations and rework of the query's slice. */
  public DiscoveryResult discover(DiscoveryQuery query) {
    EventSelection s = new EventSelection(index, query);
    List<CaseChunk> chunks = chunks(s);
    chunks.parallelStream().forEach(CaseChunk::scanVariants);
    // merge the chunks' variants; durations are concatenated (their order does not matter)
    VariantTable variants = new VariantTable();
    long[] durations = new long[s.cases.length];
    int cases = 0;
    int events = 0;
    for (CaseChunk chunk : chunks) {
      chunk.globalVariant = new int[chunk.variants.size];
      for (int v = 0; v < chunk.variants.size; v++) {
        int[] seq = chunk.variants.sequence(v);
        chunk.globalVariant[v] = variants.add(seq, seq.length, chunk.variants.counts[v]);
      }
      System.arraycopy(chunk.durations, 0, durations, cases, chunk.cases);
      cases += chunk.cases;
      events += chunk.events;
    }
    // everything that depends only on the sequence is counted once per variant
    VariantCounts counts = new VariantCounts(s.labels.length, variants);
    int[] classCount = new int[index.eventClassCount()];
    List<DirectlyFollows> dfg = transitionTimes(s, chunks, counts, classCount);
    return new DiscoveryResult(
        cases,
        events,
        activitiesPresent(s.labels, counts.occurrences),
        counts(s.labels, counts.starts),
        counts(s.labels, counts.ends),
        lifecycleCounts(classCount),
        dfg,
        variantList(s, variants, cases),
        caseDurations(durations, cases),
        reworkList(s.labels, counts.reworkCases, counts.repeats));
  }

  /** About four chunks per core for balance; one for small selections, where threads cost more. */
  private List<CaseChunk> chunks(EventSelection s) {
    int n = s.cases.length;
    int parts = index.eventCount() < parallelThreshold ? 1 : 4 * Runtime.getRuntime().availableProcessors();
    parts = Math.max(1, Math.min(parts, n));
    List<CaseChunk> chunks = new ArrayList<>(parts);
    for (int k = 0; k < parts; k++) {
      chunks.add(new CaseChunk(index, s, (int) ((long) n * k / parts), (int) ((long) n * (k + 1) / parts)));
    }
    return chunks;
  }

  /**
   * Pass 2: the time between the two events of every edge occurrence, grouped by edge (each chunk
   * fills its own region of an edge's range); and the events per event class, as lifecycle
   * transitions are not part of a name-only label.
   */
  private List<DirectlyFollows> transitionTimes(
      EventSelection s, List<CaseChunk> chunks, VariantCounts counts, int[] classCount) {
    EdgeIds edges = counts.edges;
    int n = edges.size;
    int[] offset = new int[n + 1];
    for (int e = 0; e < n; e++) {
      offset[e + 1] = offset[e] + counts.edgeCount[e];
    }
    long[] gaps = new long[offset[n]];
    int[][] fills = new int[chunks.size()][];
    int[] next = Arrays.copyOf(offset, n);
    for (int k = 0; k < chunks.size(); k++) {
      fills[k] = next.clone();
      int[] chunkCounts = chunks.get(k).edgeCounts(counts.variantEdges, n);
      for (int e = 0; e < n; e++) {
        next[e] += chunkCounts[e];
      }
    }
    int[][] classCounts = new int[chunks.size()][classCount.length];
    IntStream.range(0, chunks.size()).parallel()
        .forEach(k -> chunks.get(k).gatherGaps(counts.variantEdges, fills[k], gaps, classCounts[k]));
    for (int[] chunkClassCount : classCounts) {
      Arrays.setAll(classCount, c -> classCount[c] + chunkClassCount[c]);
    }
    DirectlyFollows[] dfg = new DirectlyFollows[n];
    // edges are independent: their quantiles are selected in parallel
    IntStream.range(0, n).parallel().forEach(e -> {
      int from = offset[e];
      int to = offset[e + 1];
      double[] q = Quantiles.quantiles(gaps, from, to, 0.5, 0.9);
      dfg[e] = new DirectlyFollows(
          s.labels[edges.from[e]], s.labels[edges.to[e]], to - from,
          seconds(Quantiles.mean(gaps, from, to)), seconds(q[0]), seconds(q[1]));
    });
    List<DirectlyFollows> list = new ArrayList<>(Arrays.asList(dfg));
    list.sort(Comparator.comparingInt(DirectlyFollows::count).reversed()
        .thenComparing(DirectlyFollows::from, CodePointOrder.INSTANCE)
        .thenComparing(DirectlyFollows::to, CodePointOrder.INSTANCE));
    return list;
  }

  private static double seconds(double micros) {
    return micros / 1e6;
  }

  private static List<String> activitiesPresent(String[] labels, int[] occurrences) {
    List<String> names = new ArrayList<>();
    for (int l = 0; l < labels.length; l++) {
      if (occurrences[l] > 0) {
        names.add(labels[l]);
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
        seconds(Quantiles.quantiles(d, 0, n, 0.5)[0]),
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
