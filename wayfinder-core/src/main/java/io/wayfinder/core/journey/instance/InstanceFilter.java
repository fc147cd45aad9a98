package io.wayfinder.core.journey.instance;

import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.dataset.Segment;
import io.wayfinder.core.journey.index.JourneyIndexBuilder;
import java.time.Instant;
import java.util.List;

/**
 * Which journey instances a map, its pain points, its step customers and its paths are built
 * from; every part may be null for "any". The instances stay whole: a filter picks instances, it
 * never drops events from one, so a cross-channel journey is still drawn across its channels
 * (as a process-mining "cases with" filter or a PostHog "users who did" filter).
 *
 * @param from instances that started at or after this
 * @param to instances that started before this
 * @param channel instances with at least one event on this channel
 * @param segment instances of customers in this segment ({@code trait=value})
 */
public record InstanceFilter(Instant from, Instant to, String channel, String segment) {
  public static final InstanceFilter ALL = new InstanceFilter(null, null, null, null);

  public InstanceFilter {
    channel = channel == null || channel.isBlank() ? null : channel.strip();
    segment = segment == null || segment.isBlank() ? null : segment.strip();
    Segment.parse(segment);
    if (from != null && to != null && !from.isBefore(to)) throw new IllegalArgumentException("from: must be before to");
  }

  /** Whether {@code t} falls in [from, to). */
  public boolean inPeriod(Instant t) {
    return (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
  }

  /** The instances this filter keeps, in their order. */
  public List<InstanceTrace> apply(JourneyDataset d, List<InstanceTrace> instances) {
    if (equals(ALL)) return instances;
    long lo = from == null ? Long.MIN_VALUE : JourneyIndexBuilder.micros(from);
    long hi = to == null ? Long.MAX_VALUE : JourneyIndexBuilder.micros(to);
    long[] time = d.index().timeColumn();
    boolean[] members = segment == null ? null : Segment.parse(segment).members(d);
    // an unknown channel matches nothing rather than everything
    int code = channel == null ? -1 : d.channel().codeOf(channel);
    return instances.stream().filter(t -> {
      long start = time[t.first()];
      if (start < lo || start >= hi) return false;
      if (members != null && !members[t.caseId()]) return false;
      if (channel == null) return true;
      for (int i : t.events()) if (code >= 0 && d.channel().code(i) == code) return true;
      return false;
    }).toList();
  }
}
