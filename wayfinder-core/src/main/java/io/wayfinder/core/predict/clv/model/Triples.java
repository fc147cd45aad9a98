package io.wayfinder.core.predict.clv.model;

import java.util.Arrays;

/**
 * Distinct {@code (int, double, double)} triples with their multiplicities, sorted by the int,
 * then the doubles. Customers with the same summary contribute identical likelihood terms, so the
 * models evaluate each distinct triple once and multiply by its count. Built with an
 * open-addressing hash table, so a million customers compress in a few tens of milliseconds.
 */
final class Triples {
  final int[] k;
  final double[] u;
  final double[] v;
  final double[] count;

  private Triples(int[] k, double[] u, double[] v, double[] count) {
    this.k = k;
    this.u = u;
    this.v = v;
    this.count = count;
  }

  int size() {
    return k.length;
  }

  static Triples compress(int[] k, double[] u, double[] v) {
    int n = k.length;
    int cap = Integer.highestOneBit(Math.max(4, n) * 2) * 2;
    int mask = cap - 1;
    int[] slot = new int[cap];
    Arrays.fill(slot, -1);
    int[] firstIndex = new int[n];
    int[] counts = new int[n];
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      long ub = Double.doubleToLongBits(u[i] + 0.0); // +0.0 folds -0.0 into 0.0
      long vb = Double.doubleToLongBits(v[i] + 0.0);
      long h = k[i] * 0x9E3779B97F4A7C15L ^ ub * 0xC2B2AE3D27D4EB4FL ^ vb * 0x165667B19E3779F9L;
      int pos = (int) (h ^ (h >>> 29) ^ (h >>> 43)) & mask;
      while (true) {
        int s = slot[pos];
        if (s < 0) {
          slot[pos] = distinct;
          firstIndex[distinct] = i;
          counts[distinct] = 1;
          distinct++;
          break;
        }
        int j = firstIndex[s];
        if (k[j] == k[i] && u[j] == u[i] && v[j] == v[i]) {
          counts[s]++;
          break;
        }
        pos = (pos + 1) & mask;
      }
    }
    Integer[] order = new Integer[distinct];
    for (int d = 0; d < distinct; d++) order[d] = d;
    Arrays.sort(order, (a, b) -> {
      int ia = firstIndex[a];
      int ib = firstIndex[b];
      int c = Integer.compare(k[ia], k[ib]);
      if (c != 0) return c;
      c = Double.compare(u[ia], u[ib]);
      return c != 0 ? c : Double.compare(v[ia], v[ib]);
    });
    int[] ck = new int[distinct];
    double[] cu = new double[distinct];
    double[] cv = new double[distinct];
    double[] cc = new double[distinct];
    for (int d = 0; d < distinct; d++) {
      int i = firstIndex[order[d]];
      ck[d] = k[i];
      cu[d] = u[i] + 0.0;
      cv[d] = v[i] + 0.0;
      cc[d] = counts[order[d]];
    }
    return new Triples(ck, cu, cv, cc);
  }
}
