package io.wayfinder.core.journey.paths;

import io.wayfinder.core.journey.dataset.EventFilter;
import io.wayfinder.core.journey.dataset.Segment;
import io.wayfinder.core.journey.definition.TimeSpan;
import java.time.Instant;
import java.util.Map;

/**
 * Which paths to follow: from an anchor event, the {@code steps} events after (or before) it in
 * the same sequence. A sequence is a session, which ends where a customer is inactive for longer
 * than {@code sessionGap}, or, with {@code journey}, one instance of that journey (its events,
 * across days and channels, exactly as its map counts them). Each sequence holding the anchor
 * gives one path from its first anchor (after) or its last anchor (before), or with
 * {@code occurrences=every} one path from each anchor, so that step 1 counts every transition
 * out of the anchor as the map does. At each step the {@code topK} most frequent events are shown
 * and the rest pooled as {@code (other)}; paths that end earlier are counted as drop-off.
 *
 * @param direction {@code after} (default) or {@code before}
 * @param steps 1 to 20 (default 5)
 * @param sessionGap default 30m; not used with {@code journey}
 * @param topK events shown per step, 1 to 50 (default 5)
 * @param from with {@code journey}: instances that started at or after this, as the map; else events at or after this
 * @param segment {@code trait=value}: only these customers
 * @param journey a journey id: follow its instances instead of sessions
 * @param occurrences {@code first} (default: one path per sequence) or {@code every} (one per anchor event)
 */
public record PathQuery(
    String anchor, String channel, Map<String, String> properties, String direction, Integer steps,
    String sessionGap, Integer topK, Instant from, Instant to, String segment, String journey, String occurrences) {
  public static final int MAX_STEPS = 20;

  /** Sessions from the first anchor. */
  public PathQuery(String anchor, String channel, Map<String, String> properties, String direction, Integer steps,
      String sessionGap, Integer topK, Instant from, Instant to, String segment) {
    this(anchor, channel, properties, direction, steps, sessionGap, topK, from, to, segment, null, null);
  }

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
    journey = journey == null || journey.isBlank() ? null : journey.strip();
    occurrences = occurrences == null ? "first" : occurrences.strip().toLowerCase();
    if (!occurrences.equals("first") && !occurrences.equals("every")) {
      throw new IllegalArgumentException("occurrences: expected first or every, got '" + occurrences + "'");
    }
  }

  boolean everyAnchor() {
    return occurrences.equals("every");
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
