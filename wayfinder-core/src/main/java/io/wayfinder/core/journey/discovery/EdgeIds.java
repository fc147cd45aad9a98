package io.wayfinder.core.journey.discovery;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Compact ids for directly-follows pairs of label ids: a dense table when the labels are few
 * (the usual case, and the fast one), a hash map otherwise.
 */
final class EdgeIds {
  private static final int DENSE_LIMIT = 2048;

  private final int labels;
  private final int[] dense;
  private final Map<Long, Integer> sparse;
  int[] from = new int[64];
  int[] to = new int[64];
  int size;

  EdgeIds(int labels) {
    this.labels = labels;
    if (labels <= DENSE_LIMIT) {
      dense = new int[labels * labels];
      Arrays.fill(dense, -1);
      sparse = null;
    } else {
      dense = null;
      sparse = new HashMap<>();
    }
  }

  /** The id of the pair, created on first use. */
  int id(int a, int b) {
    if (dense != null) {
      int slot = a * labels + b;
      int id = dense[slot];
      return id >= 0 ? id : (dense[slot] = create(a, b));
    }
    return sparse.computeIfAbsent(((long) a << 32) | b, k -> create(a, b));
  }

  private int create(int a, int b) {
    if (size == from.length) {
      from = Arrays.copyOf(from, size * 2);
      to = Arrays.copyOf(to, size * 2);
    }
    from[size] = a;
    to[size] = b;
    return size++;
  }
}
