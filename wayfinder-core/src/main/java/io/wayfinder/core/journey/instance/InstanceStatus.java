package io.wayfinder.core.journey.instance;

/** Where a journey instance stands. */
public enum InstanceStatus {
  /** Open, and its last event is within the abandonment timeout of the reference time. */
  IN_PROGRESS,
  /** The goal event happened. */
  CONVERTED,
  /** No journey event for longer than the abandonment timeout, and no goal. */
  ABANDONED;

  /** Parses {@code in_progress}, {@code converted}, {@code abandoned} (any case, '-' or '_'). */
  public static InstanceStatus parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase().replace('-', '_').replace(' ', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("status: expected in_progress, converted or abandoned, got '" + s + "'");
    }
  }
}
