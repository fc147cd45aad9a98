package io.wayfinder.core.profile;

import io.wayfinder.core.identity.Identity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One customer as Wayfinder knows them: the identifiers that resolved to them, their current
 * traits (last write wins; the history is kept in the store), consent, activity summary and
 * the timeline of their events across channels, and the latest predictions (CLV, P(alive), churn
 * risk, value segment; null until a model has scored the profile).
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
    List<TimelineEntry> timeline,
    Predictions predictions) {

  /**
   * The latest model outputs written to the profile; a value is null until its model has scored
   * the profile.
   *
   * @param clv customer lifetime value over the CLV run's horizon
   * @param pAlive probability that the customer is still active (purchase-count model)
   * @param expectedPurchases expected purchases over the CLV run's horizon
   * @param expectedSpend expected value of one future purchase (Gamma-Gamma)
   * @param churnRisk probability of no purchase in the churn model's window
   * @param valueSegment {@code high_value_at_risk}, {@code high_value_loyal}, {@code low_value_at_risk}
   *     or {@code low_value_stable}
   * @param updatedAt when they were last written
   */
  public record Predictions(Double clv, Double pAlive, Double expectedPurchases, Double expectedSpend, Double churnRisk,
      String valueSegment, Instant updatedAt) {}

  /** One event on a profile's timeline. */
  public record TimelineEntry(
      long id, String type, String name, String channel, String touchpoint, Instant timestamp,
      String source, Map<String, Object> properties) {}
}
