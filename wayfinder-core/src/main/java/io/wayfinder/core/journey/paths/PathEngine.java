package io.wayfinder.core.journey.paths;

import io.wayfinder.core.journey.dataset.EventTest;
import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.dataset.Segment;
import io.wayfinder.core.journey.index.JourneyIndex;
import io.wayfinder.core.journey.index.JourneyIndexBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Follows the paths of a {@link PathQuery} through a {@link JourneyDataset}. Thread-safe. */
public final class PathEngine {
  private static final int NONE = -1;
  private final JourneyDataset data;

  public PathEngine(JourneyDataset data) {
    this.data = data;
  }

  /** Paths through sessions (or, with {@code q.journey()}, use {@link #run(PathQuery, List)}). */
  public PathReport run(PathQuery q) {
    return report(q, collect(q));
  }

  /**
   * Paths through these sequences (a journey's instances, already filtered as its map): each
   * sequence's events in order, nothing cut by time.
   */
  public PathReport run(PathQuery q, List<int[]> sequences) {
    EventTest anchor = data.compile(q.anchorFilter());
    int n = q.steps();
    int[] out = new int[n * 64];
    int size = 0;
    for (int[] s : sequences) {
      out = grow(out, size, n * s.length);
      size = paths(s, s.length, anchor, q, out, size);
    }
    return report(q, Arrays.copyOf(out, size));
  }

  private static int[] grow(int[] out, int size, int more) {
    return out.length >= size + more ? out : Arrays.copyOf(out, Math.max(out.length * 2, size + more));
  }

  private PathReport report(PathQuery q, int[] seq) {
    int n = q.steps();
    int paths = seq.length / n;
    int activities = data.index().activityCount();
    // per position: count of each activity; then the top-k kept, the rest become OTHER (code activities)
    int[][] count = new int[n][activities];
    for (int p = 0; p < paths; p++) {
      for (int k = 0; k < n && seq[p * n + k] != NONE; k++) count[k][seq[p * n + k]]++;
    }
    int other = activities;
    int end = activities + 1;
    int[][] bucket = new int[n][];
    Comparator<Integer> byName = Comparator.comparing(a -> data.index().activityName(a));
    List<PathReport.Step> steps = new ArrayList<>();
    int ended = 0;
    for (int k = 0; k < n; k++) {
      bucket[k] = topK(count[k], q.topK(), other, byName);
      List<PathReport.Node> nodes = new ArrayList<>();
      int reached = 0;
      int pooled = 0;
      for (int a = 0; a < activities; a++) {
        reached += count[k][a];
        if (bucket[k][a] == other) pooled += count[k][a];
      }
      int[] order = rankedKept(count[k], bucket[k], other, byName);
      for (int a : order) nodes.add(new PathReport.Node(data.index().activityName(a), count[k][a], share(count[k][a], paths)));
      if (pooled > 0) nodes.add(new PathReport.Node(PathReport.OTHER, pooled, share(pooled, paths)));
      int dropOff = paths - ended - reached;
      ended += dropOff;
      steps.add(new PathReport.Step(k + 1, nodes, dropOff, ended));
    }
    Map<String, Integer> links = new LinkedHashMap<>();
    String anchorName = q.anchorFilter().label();
    for (int p = 0; p < paths; p++) {
      String from = anchorName;
      for (int k = 0; k < n; k++) {
        int a = seq[p * n + k];
        String to = a == NONE ? PathReport.END : label(bucket[k][a] == other ? other : a, other, end);
        links.merge(k + "\u0000" + from + "\u0000" + to, 1, Integer::sum);
        if (a == NONE) break;
        from = to;
      }
    }
    List<PathReport.Link> linkList = new ArrayList<>();
    links.forEach((key, c) -> {
      String[] parts = key.split("\u0000", 3);
      linkList.add(new PathReport.Link(Integer.parseInt(parts[0]), parts[1], parts[2], c));
    });
    linkList.sort(Comparator.comparingInt(PathReport.Link::fromPosition).thenComparing(l -> -l.count())
        .thenComparing(PathReport.Link::from).thenComparing(PathReport.Link::to));
    return new PathReport(anchorName, q.direction(), paths, steps, linkList);
  }

  private String label(int a, int other, int end) {
    return a == other ? PathReport.OTHER : a == end ? PathReport.END : data.index().activityName(a);
  }

  private static double share(int c, int paths) {
    return paths == 0 ? 0 : (double) c / paths;
  }

  /** Per activity: itself when among the top k at this position, else {@code other}. */
  private static int[] topK(int[] count, int k, int other, Comparator<Integer> byName) {
    Integer[] ids = new Integer[count.length];
    for (int a = 0; a < ids.length; a++) ids[a] = a;
    Arrays.sort(ids, Comparator.<Integer>comparingInt(a -> -count[a]).thenComparing(byName));
    int[] bucket = new int[count.length];
    Arrays.fill(bucket, other);
    for (int r = 0; r < Math.min(k, ids.length) && count[ids[r]] > 0; r++) bucket[ids[r]] = ids[r];
    return bucket;
  }

  private static int[] rankedKept(int[] count, int[] bucket, int other, Comparator<Integer> byName) {
    return java.util.stream.IntStream.range(0, count.length).filter(a -> bucket[a] != other && count[a] > 0).boxed()
        .sorted(Comparator.<Integer>comparingInt(a -> -count[a]).thenComparing(byName))
        .mapToInt(Integer::intValue).toArray();
  }

  /** The paths as activity ids, {@code steps} per path, NONE after the session ends. */
  private int[] collect(PathQuery q) {
    JourneyIndex index = data.index();
    EventTest anchor = data.compile(q.anchorFilter());
    Segment seg = Segment.parse(q.segment());
    boolean[] members = seg == null ? null : seg.members(data);
    long gap = io.wayfinder.core.journey.definition.TimeSpan.parse(q.sessionGap(), "sessionGap").toNanos() / 1000;
    long from = q.from() == null ? Long.MIN_VALUE : JourneyIndexBuilder.micros(q.from());
    long to = q.to() == null ? Long.MAX_VALUE : JourneyIndexBuilder.micros(q.to());
    long[] time = index.timeColumn();
    int n = q.steps();
    int[] out = new int[n * 64];
    int size = 0;
    int[] session = new int[Math.max(1, longest(index))];
    for (int c = 0; c < index.caseCount(); c++) {
      if (members != null && !members[c]) continue;
      int len = 0;
      for (int i = index.caseStart(c), e = index.caseStart(c + 1); i <= e; i++) {
        boolean inSlice = i < e && time[i] >= from && time[i] < to;
        if (i < e && !inSlice) continue;
        if (len > 0 && (i == e || time[i] - time[session[len - 1]] > gap)) {
          out = grow(out, size, q.everyAnchor() ? n * len : n);
          size = paths(session, len, anchor, q, out, size);
          len = 0;
        }
        if (i < e) session[len++] = i;
      }
    }
    return Arrays.copyOf(out, size);
  }

  /** Writes the sequence's paths at {@code at} (its first anchor's, or every anchor's); answers the new size. */
  private int paths(int[] session, int len, EventTest anchor, PathQuery q, int[] out, int at) {
    int n = q.steps();
    boolean before = q.before();
    for (int k = 0; k < len; k++) {
      int a = before ? len - 1 - k : k;
      if (!anchor.test(session[a])) continue;
      for (int j = 0; j < n; j++) {
        int idx = before ? a - 1 - j : a + 1 + j;
        out[at + j] = idx < 0 || idx >= len ? NONE : data.activity(session[idx]);
      }
      at += n;
      if (!q.everyAnchor()) break;
    }
    return at;
  }

  private static int longest(JourneyIndex index) {
    int m = 0;
    for (int c = 0; c < index.caseCount(); c++) m = Math.max(m, index.caseStart(c + 1) - index.caseStart(c));
    return m;
  }
}
