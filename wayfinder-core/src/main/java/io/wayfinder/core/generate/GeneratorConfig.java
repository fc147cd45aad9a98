package io.wayfinder.core.generate;

import java.time.Instant;

/**
 * What to generate: how many customers, from which seed, over which window.
 *
 * @param customers the number of (identified) customers; events scale with it (≈ 63 each of their own, ≈ 44 of the anonymous visitors who come with them)
 * @param seed the seed; the same config always yields the same events
 * @param start the first instant of the window (inclusive)
 * @param days the window's length; events after its end are not emitted
 */
public record GeneratorConfig(int customers, long seed, Instant start, int days) {
  public static final Instant DEFAULT_START = Instant.parse("2024-01-01T00:00:00Z");
  public static final int DEFAULT_DAYS = 730;

  public GeneratorConfig {
    if (customers < 1) throw new IllegalArgumentException("customers must be at least 1, was " + customers);
    if (days < 60) throw new IllegalArgumentException("days must be at least 60, was " + days);
    if (start == null) throw new IllegalArgumentException("start is required");
  }

  public GeneratorConfig(int customers, long seed) {
    this(customers, seed, DEFAULT_START, DEFAULT_DAYS);
  }

  /** The end of the window (exclusive). */
  public Instant end() {
    return start.plusSeconds(days * 86_400L);
  }
}
