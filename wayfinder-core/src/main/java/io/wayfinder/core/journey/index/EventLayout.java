package io.wayfinder.core.journey.index;

import java.util.Arrays;

/**
 * Where each event of an updated index came from: runs of consecutive events of the old index
 * and single appended events, in the new order. Per-event columns kept beside the old index are
 * moved with {@link #gather}: a case the change did not touch is one run, copied whole, so
 * the cost is a few array copies rather than a pass per event.
 */
public final class EventLayout {
  /** Per segment: the first old event of a run, or {@code -1 - d} for appended event d. */
  private final int[] source;
  private final int[] length;
  private final int[] start;
  private final int segments;
  private final int size;
  private final int[] appendedAt;
  /** The old-run segments by their first old event, for {@link #newIndexOfOld}. */
  private final int[] runsBySource;

  private EventLayout(int[] source, int[] length, int segments, int size, int[] appendedAt) {
    this.source = source;
    this.length = length;
    this.segments = segments;
    this.size = size;
    this.appendedAt = appendedAt;
    this.start = new int[segments];
    int runs = 0;
    for (int s = 0, k = 0; s < segments; k += length[s], s++) {
      start[s] = k;
      if (source[s] >= 0) runs++;
    }
    int[] bySource = new int[runs];
    for (int s = 0, r = 0; s < segments; s++) if (source[s] >= 0) bySource[r++] = s;
    // runs are usually in source order already (only merged cases move them); sort when not
    if (!inSourceOrder(bySource)) {
      bySource = Arrays.stream(bySource).boxed().sorted((a, b) -> Integer.compare(source[a], source[b]))
          .mapToInt(Integer::intValue).toArray();
    }
    this.runsBySource = bySource;
  }

  private boolean inSourceOrder(int[] runs) {
    for (int r = 1; r < runs.length; r++) if (source[runs[r]] < source[runs[r - 1]]) return false;
    return true;
  }

  /** Number of events of the updated index. */
  public int size() {
    return size;
  }

  /** The index in the updated order of old event {@code j}. */
  public int newIndexOfOld(int j) {
    int lo = 0;
    int hi = runsBySource.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (source[runsBySource[mid]] <= j) lo = mid;
      else hi = mid - 1;
    }
    int s = runsBySource[lo];
    if (j < source[s] || j >= source[s] + length[s]) throw new IllegalArgumentException("no old event " + j);
    return start[s] + j - source[s];
  }

  /** The index in the updated order of appended event {@code d}. */
  public int newIndexOfAppended(int d) {
    return appendedAt[d];
  }

  /** A per-event column in the updated order: the old one's values, then the appended ones where they landed. */
  public int[] gather(int[] old, int[] appended) {
    return gatherInto(old, appended, new int[size]);
  }

  public long[] gather(long[] old, long[] appended) {
    return gatherInto(old, appended, new long[size]);
  }

  public double[] gather(double[] old, double[] appended) {
    return gatherInto(old, appended, new double[size]);
  }

  /**
   * As {@link #gather(int[], int[])} for codes, with each old code {@code v >= 0} replaced by
   * {@code recode[v]} (a grown dictionary); null {@code recode} keeps them. Negative codes
   * (no value) stay.
   */
  public int[] gather(int[] old, int[] recode, int[] appended) {
    int[] out = gather(old, appended);
    if (recode == null) return out;
    for (int s = 0; s < segments; s++) {
      if (source[s] < 0) continue;
      for (int k = start[s], end = k + length[s]; k < end; k++) {
        int v = out[k];
        if (v >= 0) out[k] = recode[v];
      }
    }
    return out;
  }

  private <A> A gatherInto(A old, A appended, A out) {
    for (int s = 0; s < segments; s++) {
      int from = source[s];
      if (from >= 0) System.arraycopy(old, from, out, start[s], length[s]);
      else System.arraycopy(appended, -1 - from, out, start[s], 1);
    }
    return out;
  }

  /** Builds a layout in the new order: runs of old events and single appended events. */
  static final class Builder {
    private int[] source = new int[64];
    private int[] length = new int[64];
    private int segments;
    private int size;
    private final int[] appendedAt;

    Builder(int appended) {
      appendedAt = new int[appended];
    }

    /** Old events {@code [from, from + n)} come next; joined to the previous run when it ends at {@code from}. */
    void run(int from, int n) {
      if (n == 0) return;
      int last = segments - 1;
      if (last >= 0 && source[last] >= 0 && source[last] + length[last] == from) {
        length[last] += n;
      } else {
        add(from, n);
      }
      size += n;
    }

    /** Appended event {@code d} comes next. */
    void appended(int d) {
      appendedAt[d] = size;
      add(-1 - d, 1);
      size++;
    }

    private void add(int src, int n) {
      if (segments == source.length) {
        source = Arrays.copyOf(source, segments * 2);
        length = Arrays.copyOf(length, segments * 2);
      }
      source[segments] = src;
      length[segments++] = n;
    }

    EventLayout build() {
      return new EventLayout(source, length, segments, size, appendedAt);
    }
  }
}
