package io.wayfinder.store.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.core.collect.InvalidMessageException;
import io.wayfinder.core.collect.Violation;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 timestamps as the Segment libraries send them; a value without offset is UTC. These are
 * client clock readings, checked only for sanity (1970 to 2200): a clock days off is what sentAt
 * corrects. The timestamp stored is checked against {@link io.wayfinder.core.event.EventTimeRange}.
 */
final class Timestamps {
  static final Instant EARLIEST = io.wayfinder.core.event.EventTimeRange.EARLIEST;
  static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

  static Instant parse(JsonNode n, String field, int index) {
    if (!n.isTextual()) throw bad(field, index, "must be an ISO-8601 string, got " + n.getNodeType().name().toLowerCase());
    Instant t = parse(n.asText());
    if (t == null) throw bad(field, index, "'" + abbreviate(n.asText()) + "' is not an ISO-8601 timestamp");
    if (!inRange(t)) throw bad(field, index, "'" + n.asText() + "' is out of range (1970-2200)");
    return t;
  }

  /** Whether a client's clock reading is plausible at all: 1970 to 2200. */
  private static boolean inRange(Instant t) {
    return !t.isBefore(EARLIEST) && !t.isAfter(LATEST);
  }

  /** Parses ISO-8601 with offset or zone 'Z', or a local date-time taken as UTC; null if neither. */
  static Instant parse(String s) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }

  private static InvalidMessageException bad(String field, int index, String detail) {
    return new InvalidMessageException(400, new Violation(index, field, detail));
  }

  private Timestamps() {}
}
