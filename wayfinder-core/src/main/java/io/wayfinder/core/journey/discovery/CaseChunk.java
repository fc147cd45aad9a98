package io.wayfinder.core.journey.discovery;

import io.wayfinder.core.journey.index.JourneyIndex;

/**
 * A contiguous slice of the selected cases, scanned by one thread. Pass 1 turns each case into a
 * variant (local ids) and a duration; pass 2, once edges are known globally, writes each transition
 * time into this chunk's own region of the shared per-edge array.
 */
final class CaseChunk {
  private final JourneyIndex index;
  private final EventSelection s;
  private final int fromPos;
  private final int toPos;

  final VariantTable variants = new VariantTable();
  /** Per selected case of the chunk: local variant id, or -1 when no event is selected. */
  final int[] variantOfCase;
  final long[] durations;
  int cases;
  int events;
  /** Local variant id to global variant id, set by the merge. */
  int[] globalVariant;

  CaseChunk(JourneyIndex index, EventSelection s, int fromPos, int toPos) {
    this.index = index;
    this.s = s;
    this.fromPos = fromPos;
    this.toPos = toPos;
    this.variantOfCase = new int[toPos - fromPos];
    this.durations = new long[toPos - fromPos];
  }

  /** Pass 1. */
  CaseChunk scanVariants() {
    int[] classOf = index.eventClassColumn();
    long[] time = index.timeColumn();
    int[] seq = new int[s.longestCase(fromPos, toPos)];
    for (int p = fromPos; p < toPos; p++) {
      int c = s.cases[p];
      int len = 0;
      long first = 0;
      long last = 0;
      for (int i = index.caseStart(c), end = index.caseStart(c + 1); i < end; i++) {
        long t = time[i];
        int label = t >= s.from && t < s.to ? s.labelOfClass[classOf[i]] : -1;
        if (label >= 0) {
          if (len == 0) {
            first = t;
          }
          seq[len++] = label;
          last = t;
        }
      }
      variantOfCase[p - fromPos] = len == 0 ? -1 : variants.add(seq, len);
      if (len > 0) {
        durations[cases++] = last - first;
        events += len;
      }
    }
    return this;
  }

  /** Occurrences of each edge in this chunk, from its variant counts. */
  int[] edgeCounts(int[][] variantEdges, int edges) {
    int[] counts = new int[edges];
    for (int v = 0; v < variants.size; v++) {
      for (int e : variantEdges[globalVariant[v]]) {
        counts[e] += variants.counts[v];
      }
    }
    return counts;
  }

  /**
   * Pass 2: writes the time between consecutive selected events to {@code gaps[fill[edge]++]},
   * and counts selected events per event class.
   */
  void gatherGaps(int[][] variantEdges, int[] fill, long[] gaps, int[] classCount) {
    int[] classOf = index.eventClassColumn();
    long[] time = index.timeColumn();
    for (int p = fromPos; p < toPos; p++) {
      int local = variantOfCase[p - fromPos];
      if (local < 0) {
        continue;
      }
      int[] edgeOfStep = variantEdges[globalVariant[local]];
      int c = s.cases[p];
      int step = -1;
      long previous = 0;
      for (int i = index.caseStart(c), end = index.caseStart(c + 1); i < end; i++) {
        long t = time[i];
        if (t >= s.from && t < s.to && s.labelOfClass[classOf[i]] >= 0) {
          classCount[classOf[i]]++;
          if (step >= 0) {
            gaps[fill[edgeOfStep[step]]++] = t - previous;
          }
          step++;
          previous = t;
        }
      }
    }
  }
}
