package io.wayfinder.core.event;

import java.util.Locale;
import java.util.Optional;

/** The kinds of message of the Segment spec, plus {@code import} for rows from bulk files. */
public enum EventType {
  TRACK, IDENTIFY, PAGE, SCREEN, GROUP, ALIAS;

  /** The lower-case name used on the wire ({@code "track"}). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name; empty when it is not a known type. */
  public static Optional<EventType> fromWire(String s) {
    if (s == null) return Optional.empty();
    for (EventType t : values()) if (t.wireName().equals(s)) return Optional.of(t);
    return Optional.empty();
  }
}
