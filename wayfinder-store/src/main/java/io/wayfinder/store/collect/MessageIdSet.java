package io.wayfinder.store.collect;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

/**
 * The message ids already stored, kept as 64-bit hashes so ten million ids cost ~160 MB less
 * than strings would. A false "seen" needs two different ids with the same 64-bit hash:
 * negligible at any realistic volume.
 */
final class MessageIdSet {
  private final LongOpenHashSet hashes = new LongOpenHashSet();

  /** Adds the id; false when it was already there. */
  boolean add(String messageId) {
    return hashes.add(hash(messageId));
  }

  static long hash(String s) {
    // FNV-1a over UTF-16 units, then a murmur3 finaliser to spread the bits.
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }
}
