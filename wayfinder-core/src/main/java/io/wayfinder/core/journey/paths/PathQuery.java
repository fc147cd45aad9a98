package io.wayfinder.core.journey.paths;

import io.wayfinder.core.journey.dataset.EventFilter;
import io.wayfinder.core.journey.dataset.Segment;
import io.wayfinder.core.journey.definition.TimeSpan;
import java.time.Instant;
import java.util.Map;

/**
 * Which paths to follow: from an anchor event, the {@code steps} events after (or before) it in
 * the same session. A session ends where a customer is inactive for longer than
 * {@code sessionGap}. Each session holding the anchor gives one path: from its first anchor
 * (after) or its last anchor (before). At each step the {@code topK} most frequent events are
 * shown and the rest pooled as {@code (other)}; paths that end earlier are counted as drop-off.
 *
 * @param direction {@code after} (default) or {@code before}
 * @param steps 1 to 20 (default 5)
 * @param sessionGap default 30m
 * @param topK events shown per step, 1 to 50 (default 5)
 */
public record PathQuery(
    String anchor, String channel, Map<String, String> properties, String direction, Integer steps,
    String sessionGap, Integer topK, Instant from, Instant to, String segment) {
  public static final int MAX_STEPS = 20;

  public PathQuery {
    properties = properties == null ? Map.of() : Map.copyOf(properties);
    if (anchor == null || anchor.isBlank()) throw new IllegalArgumentException("anchor: required (an event name)");
    direction = direction == null ? "after" : direction.strip().toLowerCase();
    if (!direction.equals("after") && !direction.equals("before")) {
      throw new IllegalArgumentException("direction: expected after or before, got '" + direction + "'");
    }
    steps = steps == null ? 5 : steps;
    if (steps < 1 || steps > MAX_STEPS) throw new IllegalArgumentException("steps: expected 1 to " + MAX_STEPS + ", got " + steps);
    sessionGap = sessionGap == null ? "30m" : sessionGap;
    TimeSpan.parse(sessionGap, "sessionGap");
    topK = topK == null ? 5 : topK;
    if (topK < 1 || topK > 50) throw new IllegalArgumentException("topK: expected 1 to 50, got " + topK);
    if (from != null && to != null && !from.isBefore(to)) throw new IllegalArgumentException("from: must be before to");
    Segment.parse(segment);
  }

  public static PathQuery after(String anchor, int steps) {
    return new PathQuery(anchor, null, null, "after", steps, null, null, null, null, null);
  }

  public EventFilter anchorFilter() {
    return new EventFilter(anchor, channel, properties);
  }

  boolean before() {
    return direction.equals("before");
  }
}
