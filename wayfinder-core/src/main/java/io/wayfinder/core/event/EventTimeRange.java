package io.wayfinder.core.event;

import java.time.Duration;
import java.time.Instant;

/**
 * The timestamps an event may be stored with, the same on every way in (the collection API, JSONL
 * and event-log imports): from 1970-01-01 up to {@link #FUTURE_TOLERANCE} after the server's clock
 * when the event is received. An event far in the future is a client or data error, and stored it
 * would become the "latest event" that default report windows end at.
 */
public final class EventTimeRange {
  /** The earliest storable timestamp. */
  public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  /** How far past the server's clock a timestamp may be: time zones and clocks a little ahead. */
  public static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

  private EventTimeRange() {}

  /** The latest storable timestamp for an event received at {@code now}. */
  public static Instant latest(Instant now) {
    return now.plus(FUTURE_TOLERANCE);
  }

  /** Whether {@code t} may be stored for an event received at {@code now}. */
  public static boolean contains(Instant t, Instant now) {
    return !t.isBefore(EARLIEST) && !t.isAfter(latest(now));
  }

  /** The range in words, for error messages: {@code between 1970-01-01 and ... (1 day after the server's clock)}. */
  public static String describe(Instant now) {
    return "between 1970-01-01 and " + latest(now) + " (" + FUTURE_TOLERANCE.toDays() + " day after the server's clock)";
  }

  /**
   * {@code t} if it may be stored for an event received at {@code now}.
   *
   * @param text the value as written, quoted in the message
   * @throws IllegalArgumentException saying {@code 'text' is out of range: stored timestamps are between ...}
   */
  public static Instant check(Instant t, String text, Instant now) {
    if (!contains(t, now)) throw new IllegalArgumentException("'" + text + "' is out of range: stored timestamps are " + describe(now));
    return t;
  }
}
