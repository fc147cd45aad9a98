package io.wayfinder.server.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed attempts per key within a sliding window: a key that has {@code limit} failures younger
 * than {@code window} must wait until the oldest of them leaves it. At most {@code maxKeys} keys are
 * kept; beyond that the key used least recently is forgotten, so a flood of names cannot exhaust
 * memory. Not thread-safe: {@link SignInThrottle} holds its lock around every call.
 */
final class FailureWindow {
  private final int limit;
  private final Duration window;
  private final Map<String, Deque<Instant>> byKey;

  FailureWindow(int limit, Duration window, int maxKeys) {
    this.limit = limit;
    this.window = window;
    // Access order: every check or failure makes a key the youngest, so eviction takes the idlest.
    this.byKey = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
        return size() > maxKeys;
      }
    };
  }

  /** How long {@code key} must wait before its next attempt; zero when it may try now. */
  Duration waitFor(String key, Instant now) {
    Deque<Instant> times = byKey.get(key);
    if (times == null) return Duration.ZERO;
    while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) times.pollFirst();
    if (times.isEmpty()) {
      byKey.remove(key);
      return Duration.ZERO;
    }
    return times.size() < limit ? Duration.ZERO : Duration.between(now, times.peekFirst().plus(window));
  }

  /** Counts a failure of {@code key} at {@code at}. */
  void add(String key, Instant at) {
    byKey.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(at);
  }

  /** Takes back one failure counted at {@code at} (an attempt that turned out to succeed). */
  void remove(String key, Instant at) {
    Deque<Instant> times = byKey.get(key);
    if (times != null && times.removeLastOccurrence(at) && times.isEmpty()) byKey.remove(key);
  }

  void clear(String key) {
    byKey.remove(key);
  }
}
