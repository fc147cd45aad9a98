package io.wayfinder.core.event;

import java.time.Instant;

/**
 * The times an event may carry, 1970 to 2200: one definition for every way in (the collection
 * API and every import format), so a file never stores what the API refuses. A year 1 or 9999 in
 * a file is a typo or a placeholder, and later date arithmetic (ages, durations) overflows on it.
 */
public final class EventTimes {
  /** The earliest time an event may carry. */
  public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  /** The latest time an event may carry. */
  public static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");
  /** The range as messages state it. */
  public static final String RANGE = "1970-2200";

  private EventTimes() {}

  /** Whether {@code t} may be stored. */
  public static boolean inRange(Instant t) {
    return !t.isBefore(EARLIEST) && !t.isAfter(LATEST);
  }

  /**
   * {@code t} if it may be stored.
   *
   * @param text the value as written, quoted in the message
   * @throws IllegalArgumentException saying {@code 'text' is out of range (1970-2200)}
   */
  public static Instant check(Instant t, String text) {
    if (!inRange(t)) throw new IllegalArgumentException("'" + text + "' is out of range (" + RANGE + ")");
    return t;
  }
}
