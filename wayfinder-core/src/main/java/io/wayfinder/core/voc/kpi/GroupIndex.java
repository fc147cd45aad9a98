package io.wayfinder.core.voc.kpi;

import java.util.Arrays;

/** Open-addressing map from a non-negative long group key to a dense slot number 0, 1, 2 … */
final class GroupIndex {
  private long[] keys = new long[64];
  private int[] slots = new int[64];
  private long[] slotKeys = new long[32];
  private int size;

  GroupIndex() {
    Arrays.fill(keys, -1);
  }

  /** The slot of the key, assigning the next free one on first sight. */
  int slot(long key) {
    int mask = keys.length - 1;
    int i = (int) mix(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) return slots[i];
      if (k == -1) break;
      i = (i + 1) & mask;
    }
    keys[i] = key;
    slots[i] = size;
    if (size == slotKeys.length) slotKeys = Arrays.copyOf(slotKeys, size * 2);
    slotKeys[size] = key;
    size++;
    if (size * 2 > keys.length) rehash();
    return size - 1;
  }

  int size() {
    return size;
  }

  long key(int slot) {
    return slotKeys[slot];
  }

  private void rehash() {
    long[] oldKeys = keys;
    int[] oldSlots = slots;
    keys = new long[oldKeys.length * 2];
    slots = new int[oldKeys.length * 2];
    Arrays.fill(keys, -1);
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] == -1) continue;
      int i = (int) mix(oldKeys[j]) & mask;
      while (keys[i] != -1) i = (i + 1) & mask;
      keys[i] = oldKeys[j];
      slots[i] = oldSlots[j];
    }
  }

  private static long mix(long k) {
    k *= 0x9E3779B97F4A7C15L;
    return k ^ (k >>> 32);
  }
}
