package io.wayfinder.core.profile;

import io.wayfinder.core.identity.Identity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One customer as Wayfinder knows them: the identifiers that resolved to them, their current
 * traits (last write wins; the history is kept in the store), consent, activity summary and
 * the timeline of their events across channels.
 */
public record Profile(
    long id,
    String userId,
    List<Identity> identities,
    Map<String, Object> traits,
    Map<String, Boolean> consent,
    Instant firstSeen,
    Instant lastSeen,
    long eventCount,
    Map<String, Long> eventsByChannel,
    List<Long> mergedProfiles,
    List<TimelineEntry> timeline) {

  /** One event on a profile's timeline. */
  public record TimelineEntry(
      long id, String type, String name, String channel, String touchpoint, Instant timestamp,
      String source, Map<String, Object> properties) {}
}
