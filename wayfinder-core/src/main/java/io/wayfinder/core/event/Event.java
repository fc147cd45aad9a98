package io.wayfinder.core.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One interaction of a customer with the company, as stored in the append-only event log.
 *
 * <p>{@code name} is the event name of a track (e.g. "Order Completed"), the page or screen
 * name, or the activity of an imported event-log row. {@code profileId} is the customer the
 * identity graph resolved the event to (0 while unresolved). Properties and context are the
 * free-form maps of the Segment spec.
 */
public record Event(
    long id,
    String messageId,
    EventType type,
    String name,
    long profileId,
    String anonymousId,
    String userId,
    String channel,
    String touchpoint,
    Instant timestamp,
    Instant receivedAt,
    Map<String, Object> properties,
    Map<String, Object> context,
    String source) {

  public Event {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(timestamp, "timestamp");
    properties = properties == null ? Map.of() : properties;
    context = context == null ? Map.of() : context;
  }

  /** The customer key that identity resolution starts from: the user id when known. */
  public String customerKey() {
    return userId != null ? userId : anonymousId;
  }
}
