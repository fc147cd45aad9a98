package io.wayfinder.core.journey.discovery;

import java.util.Arrays;

/** Counts distinct label sequences (variants) with an open-addressing table keyed by a 64-bit hash. */
final class VariantTable {
  private int[] data = new int[1024];
  private int dataSize;
  private int[] start = new int[65];
  int[] counts = new int[64];
  int size;
  private int[] slots = new int[256]; // variant id + 1; 0 = empty
  private long[] hashes = new long[256];

  /** Counts one occurrence of {@code seq[0, len)} and returns its variant id. */
  int add(int[] seq, int len) {
    return add(seq, len, 1);
  }

  /** Counts {@code cases} occurrences of {@code seq[0, len)} and returns its variant id. */
  int add(int[] seq, int len, int cases) {
    long h = hash(seq, len);
    int mask = slots.length - 1;
    int i = (int) (h ^ (h >>> 32)) & mask;
    while (slots[i] != 0) {
      int v = slots[i] - 1;
      if (hashes[i] == h && same(v, seq, len)) {
        counts[v] += cases;
        return v;
      }
      i = (i + 1) & mask;
    }
    int v = append(seq, len);
    counts[v] = cases;
    slots[i] = v + 1;
    hashes[i] = h;
    if (size * 2 > slots.length) {
      rehash();
    }
    return v;
  }

  /** The labels of variant {@code v}. */
  int[] sequence(int v) {
    return Arrays.copyOfRange(data, start[v], start[v + 1]);
  }

  private static long hash(int[] seq, int len) {
    long h = 0x9E3779B97F4A7C15L ^ len;
    for (int k = 0; k < len; k++) {
      h = (h ^ seq[k]) * 0xBF58476D1CE4E5B9L;
      h ^= h >>> 29;
    }
    return h;
  }

  private boolean same(int v, int[] seq, int len) {
    int s = start[v];
    return start[v + 1] - s == len && Arrays.equals(data, s, s + len, seq, 0, len);
  }

  private int append(int[] seq, int len) {
    if (dataSize + len > data.length) {
      data = Arrays.copyOf(data, Math.max(data.length * 2, dataSize + len));
    }
    System.arraycopy(seq, 0, data, dataSize, len);
    dataSize += len;
    if (size + 2 > start.length) {
      start = Arrays.copyOf(start, start.length * 2);
    }
    if (size == counts.length) {
      counts = Arrays.copyOf(counts, counts.length * 2);
    }
    start[size + 1] = dataSize;
    return size++;
  }

  private void rehash() {
    int[] oldSlots = slots;
    long[] oldHashes = hashes;
    slots = new int[oldSlots.length * 2];
    hashes = new long[oldSlots.length * 2];
    int mask = slots.length - 1;
    for (int j = 0; j < oldSlots.length; j++) {
      if (oldSlots[j] != 0) {
        long h = oldHashes[j];
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = oldSlots[j];
        hashes[i] = h;
      }
    }
  }
}
