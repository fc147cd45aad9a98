package io.wayfinder.core.journey.retention;

import io.wayfinder.core.journey.dataset.EventFilter;
import io.wayfinder.core.journey.dataset.Segment;
import io.wayfinder.core.journey.definition.TimeSpan;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A behavioural cohort, saved by id and reusable as a filter: the customers who meet every
 * condition given. Find its members with {@link CohortMembers}.
 *
 * @param id lower-case letters, digits, {@code _} and {@code -}, 1 to 64 characters
 * @param name a human name, or null (the id)
 * @param did an event the customer did, or null
 * @param times at least this many such events (default 1; needs {@code did})
 * @param within counted only within this long of the customer's first event of any kind ({@code 7d}), or null
 * @param from counted only at or after this instant, or null
 * @param to counted only before this instant, or null
 * @param segment the customer has this trait value ({@code trait=value}), or null
 * @param journey the customer entered this journey (an instance of it exists), or null
 */
public record CohortDefinition(String id, String name, EventFilter did, Integer times, String within,
    Instant from, Instant to, String segment, String journey) {
  private static final Pattern ID = Pattern.compile("[a-z0-9_-]{1,64}");

  public CohortDefinition {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("id: expected 1 to 64 lower-case letters, digits, _ or -, got '" + id + "'");
    }
    name = name == null || name.isBlank() ? id : name.strip();
    if (did == null && segment == null && journey == null) {
      throw new IllegalArgumentException("did: a cohort needs at least one of did, segment or journey");
    }
    if (did == null && (times != null || within != null || from != null || to != null)) {
      throw new IllegalArgumentException("did: times, within, from and to qualify did; give did too");
    }
    if (times != null && times < 1) throw new IllegalArgumentException("times: must be at least 1, got " + times);
    times = times == null ? 1 : times;
    if (within != null) TimeSpan.parse(within, "within");
    if (from != null && to != null && !from.isBefore(to)) throw new IllegalArgumentException("from: must be before to");
    Segment.parse(segment);
    if (journey != null && journey.isBlank()) throw new IllegalArgumentException("journey: must not be blank");
  }

  long withinMicros() {
    return within == null ? Long.MAX_VALUE : TimeSpan.parse(within, "within").toNanos() / 1000;
  }
}
