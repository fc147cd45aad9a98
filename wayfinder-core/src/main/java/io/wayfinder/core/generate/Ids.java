package io.wayfinder.core.generate;

import java.util.UUID;

/** Deterministic identifiers: a hash of the seed, the customer number and a counter. */
final class Ids {
  private Ids() {}

  /** SplitMix64's finaliser: a cheap, well-mixed 64-bit hash. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  static long mix(long seed, long customer, long salt) {
    return mix(mix(mix(seed) + customer) + salt);
  }

  /** A UUID-shaped (version 4 layout) id, unique per seed, customer, kind and counter. */
  static String uuid(long seed, long customer, long kind, long counter) {
    long hi = mix(seed, customer, kind * 0x9E3779B97F4A7C15L + counter);
    long lo = mix(hi + 0x632BE59BD9B4E019L);
    hi = (hi & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
    lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(hi, lo).toString();
  }

  static String userId(long customer) {
    return String.format("cust-%07d", customer + 1);
  }

  static String orderId(long customer, int order) {
    return String.format("ord-%07d-%03d", customer + 1, order + 1);
  }
}
