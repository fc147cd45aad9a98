package io.wayfinder.core.journey.discovery;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * Which slice of the events a discovery (or funnel) looks at, and how activities are classified.
 * A value object: the embedded engine and any other engine run the same query.
 *
 * @param from first instant included, or null for no lower bound
 * @param to first instant excluded, or null for no upper bound
 * @param activities event names to keep (other events are left out, as if not logged), or null
 *     for all
 * @param cases case identifiers to keep, or null for all
 * @param classifier how events map to activities
 */
public record DiscoveryQuery(
    Instant from, Instant to, Set<String> activities, Set<String> cases, ActivityClassifier classifier) {

  /** Every event, activities by name. */
  public static final DiscoveryQuery ALL = new DiscoveryQuery(null, null, null, null, ActivityClassifier.NAME);

  public DiscoveryQuery {
    Objects.requireNonNull(classifier, "classifier");
    activities = activities == null ? null : Set.copyOf(activities);
    cases = cases == null ? null : Set.copyOf(cases);
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("empty period: " + from + " is not before " + to);
    }
  }

  /** This query limited to events in {@code [from, to)}; either bound may be null. */
  public DiscoveryQuery during(Instant from, Instant to) {
    return new DiscoveryQuery(from, to, activities, cases, classifier);
  }

  /** This query limited to events with these names. */
  public DiscoveryQuery onlyActivities(Collection<String> names) {
    return new DiscoveryQuery(from, to, Set.copyOf(names), cases, classifier);
  }

  /** This query limited to these cases. */
  public DiscoveryQuery onlyCases(Set<String> caseIds) {
    return new DiscoveryQuery(from, to, activities, caseIds, classifier);
  }

  /** This query with another classifier. */
  public DiscoveryQuery classifiedBy(ActivityClassifier c) {
    return new DiscoveryQuery(from, to, activities, cases, c);
  }
}
