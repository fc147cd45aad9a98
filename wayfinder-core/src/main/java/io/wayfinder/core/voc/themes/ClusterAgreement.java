package io.wayfinder.core.voc.themes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How well clusters agree with known labels: normalised mutual information (divided by the
 * arithmetic mean of the two entropies, scikit-learn's default) and the adjusted Rand index
 * (Hubert and Arabie, 1985). Both are 1 for a perfect match; NMI is 0 and ARI about 0 for chance.
 */
public record ClusterAgreement(double nmi, double adjustedRand) {

  public static ClusterAgreement of(List<String> labels, int[] clusters) {
    int n = labels.size();
    if (clusters.length != n) throw new IllegalArgumentException("one cluster per label");
    Map<String, Integer> ids = new HashMap<>();
    int[] y = new int[n];
    for (int i = 0; i < n; i++) y[i] = ids.computeIfAbsent(labels.get(i), k -> ids.size());
    int kc = 0;
    for (int c : clusters) kc = Math.max(kc, c + 1);
    long[][] table = new long[ids.size()][kc];
    for (int i = 0; i < n; i++) table[y[i]][clusters[i]]++;
    long[] a = new long[ids.size()];
    long[] b = new long[kc];
    for (int r = 0; r < a.length; r++) for (int c = 0; c < kc; c++) {
      a[r] += table[r][c];
      b[c] += table[r][c];
    }
    double mi = 0;
    for (int r = 0; r < a.length; r++) for (int c = 0; c < kc; c++) {
      if (table[r][c] > 0) mi += table[r][c] / (double) n * Math.log((double) n * table[r][c] / ((double) a[r] * b[c]));
    }
    double ha = entropy(a, n);
    double hb = entropy(b, n);
    double nmi = ha + hb == 0 ? 1 : mi / ((ha + hb) / 2);
    double index = 0;
    for (long[] row : table) for (long v : row) index += pairs(v);
    double sa = 0;
    double sb = 0;
    for (long v : a) sa += pairs(v);
    for (long v : b) sb += pairs(v);
    double expected = sa * sb / pairs(n);
    double max = (sa + sb) / 2;
    double ari = max == expected ? 1 : (index - expected) / (max - expected);
    return new ClusterAgreement(nmi, ari);
  }

  private static double entropy(long[] counts, int n) {
    double h = 0;
    for (long c : counts) if (c > 0) h -= c / (double) n * Math.log(c / (double) n);
    return h;
  }

  private static double pairs(long v) {
    return v * (v - 1) / 2.0;
  }
}
