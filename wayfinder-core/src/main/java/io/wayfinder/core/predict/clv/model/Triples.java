package io.wayfinder.core.predict.clv.model;

import java.util.Arrays;

/**
 * Distinct {@code (int, double, double)} triples with their multiplicities, sorted by the int,
 * then the doubles. Customers with the same summary contribute identical likelihood terms, so the
 * models evaluate each distinct triple once and multiply by its count.
 *
 * <p>Built for millions of customers: an open-addressing hash table that grows with the number of
 * distinct triples (so it stays small and cache-friendly when, as usual, there are far fewer
 * distinct triples than customers), then a sort of packed primitive keys (int and the ranks of the
 * two doubles) rather than of boxed indices.
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

  /** Compresses the triples {@code (k[i], u[i], v[i])}; k must be {@code >= 0}, u and v not NaN. */
  static Triples compress(int[] k, double[] u, double[] v) {
    int n = k.length;
    int cap = 1024;
    int[] slot = new int[cap];
    Arrays.fill(slot, -1);
    int[] dk = new int[256];
    double[] du = new double[256];
    double[] dv = new double[256];
    int[] dc = new int[256];
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      int ki = k[i];
      double ui = u[i] + 0.0; // folds -0.0 into 0.0
      double vi = v[i] + 0.0;
      int pos = hash(ki, ui, vi) & (cap - 1);
      while (true) {
        int s = slot[pos];
        if (s < 0) {
          if (distinct == dk.length) {
            int size = distinct * 2;
            dk = Arrays.copyOf(dk, size);
            du = Arrays.copyOf(du, size);
            dv = Arrays.copyOf(dv, size);
            dc = Arrays.copyOf(dc, size);
          }
          dk[distinct] = ki;
          du[distinct] = ui;
          dv[distinct] = vi;
          dc[distinct] = 1;
          slot[pos] = distinct++;
          if (2 * distinct > cap) {
            cap *= 2;
            slot = rehash(dk, du, dv, distinct, cap);
          }
          break;
        }
        if (dk[s] == ki && du[s] == ui && dv[s] == vi) {
          dc[s]++;
          break;
        }
        pos = (pos + 1) & (cap - 1);
      }
    }
    return sorted(dk, du, dv, dc, distinct);
  }

  private static int[] rehash(int[] dk, double[] du, double[] dv, int distinct, int cap) {
    int[] slot = new int[cap];
    Arrays.fill(slot, -1);
    for (int d = 0; d < distinct; d++) {
      int pos = hash(dk[d], du[d], dv[d]) & (cap - 1);
      while (slot[pos] >= 0) pos = (pos + 1) & (cap - 1);
      slot[pos] = d;
    }
    return slot;
  }

  private static int hash(int k, double u, double v) {
    return (int) mix(mix(mix(k) ^ Double.doubleToLongBits(u)) ^ Double.doubleToLongBits(v));
  }

  /** MurmurHash3's 64-bit finaliser: every input bit affects every output bit. */
  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  private static Triples sorted(int[] dk, double[] du, double[] dv, int[] dc, int distinct) {
    double[] us = distinctSorted(du, distinct);
    double[] vs = distinctSorted(dv, distinct);
    int maxK = 0;
    for (int d = 0; d < distinct; d++) maxK = Math.max(maxK, dk[d]);
    int[] ck = new int[distinct];
    double[] cu = new double[distinct];
    double[] cv = new double[distinct];
    double[] cc = new double[distinct];
    if (maxK < 1 << 21 && us.length <= 1 << 21 && vs.length <= 1 << 21) {
      // key = k | rank of u | rank of v, 21 bits each: one primitive sort, and the key decodes back
      long[] keys = new long[distinct];
      for (int d = 0; d < distinct; d++) {
        keys[d] = (long) dk[d] << 42 | (long) Arrays.binarySearch(us, du[d]) << 21 | Arrays.binarySearch(vs, dv[d]);
      }
      long[] order = keys.clone();
      Arrays.sort(order);
      for (int j = 0; j < distinct; j++) {
        long key = order[j];
        ck[j] = (int) (key >>> 42);
        cu[j] = us[(int) (key >>> 21) & ((1 << 21) - 1)];
        cv[j] = vs[(int) key & ((1 << 21) - 1)];
      }
      for (int d = 0; d < distinct; d++) cc[Arrays.binarySearch(order, keys[d])] = dc[d];
    } else {
      Integer[] order = new Integer[distinct];
      for (int d = 0; d < distinct; d++) order[d] = d;
      Arrays.sort(order, (a, b) -> {
        int c = Integer.compare(dk[a], dk[b]);
        if (c != 0) return c;
        c = Double.compare(du[a], du[b]);
        return c != 0 ? c : Double.compare(dv[a], dv[b]);
      });
      for (int j = 0; j < distinct; j++) {
        int d = order[j];
        ck[j] = dk[d];
        cu[j] = du[d];
        cv[j] = dv[d];
        cc[j] = dc[d];
      }
    }
    return new Triples(ck, cu, cv, cc);
  }

  private static double[] distinctSorted(double[] values, int n) {
    double[] s = Arrays.copyOf(values, n);
    Arrays.sort(s);
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (m == 0 || s[i] != s[m - 1]) s[m++] = s[i];
    }
    return Arrays.copyOf(s, m);
  }
}
