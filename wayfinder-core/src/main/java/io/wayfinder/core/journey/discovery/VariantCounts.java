package io.wayfinder.core.journey.discovery;

import java.util.Arrays;

/**
 * Counts derived from the variants alone, each variant weighted by its number of cases: label
 * occurrences, start and end activities, directly-follows edges (with the edge of every step of
 * each variant, for the pass that gathers transition times) and rework.
 */
final class VariantCounts {
  final int[] occurrences;
  final int[] starts;
  final int[] ends;
  final int[] reworkCases;
  final int[] repeats;
  final EdgeIds edges;
  final int[] edgeCount;
  /** Per variant, the edge id of step j -> j + 1. */
  final int[][] variantEdges;

  VariantCounts(int labels, VariantTable variants) {
    occurrences = new int[labels];
    starts = new int[labels];
    ends = new int[labels];
    reworkCases = new int[labels];
    repeats = new int[labels];
    edges = new EdgeIds(labels);
    variantEdges = new int[variants.size][];
    int[] inVariant = new int[labels];
    long[] edgeTotal = new long[16];
    for (int v = 0; v < variants.size; v++) {
      int[] seq = variants.sequence(v);
      int cases = variants.counts[v];
      starts[seq[0]] += cases;
      ends[seq[seq.length - 1]] += cases;
      int[] steps = new int[seq.length - 1];
      for (int j = 0; j < seq.length; j++) {
        occurrences[seq[j]] += cases;
        inVariant[seq[j]]++;
        if (j > 0) {
          steps[j - 1] = edges.id(seq[j - 1], seq[j]);
          if (steps[j - 1] == edgeTotal.length) {
            edgeTotal = Arrays.copyOf(edgeTotal, edgeTotal.length * 2);
          }
          edgeTotal[steps[j - 1]] += cases;
        }
      }
      for (int label : seq) {
        if (inVariant[label] > 1) {
          reworkCases[label] += cases;
          repeats[label] += (inVariant[label] - 1) * cases;
        }
        inVariant[label] = 0; // reset for the next variant; later duplicates see 0 and are skipped
      }
      variantEdges[v] = steps;
    }
    edgeCount = new int[edges.size];
    for (int e = 0; e < edges.size; e++) {
      edgeCount[e] = Math.toIntExact(edgeTotal[e]);
    }
  }
}
