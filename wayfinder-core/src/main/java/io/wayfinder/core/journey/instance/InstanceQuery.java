package io.wayfinder.core.journey.instance;

import java.time.Instant;
import java.util.Set;

/**
 * Which instances to list: any part may be null for "any".
 *
 * @param stage instances whose current stage is this
 * @param status instances with this status
 * @param from instances that started at or after this
 * @param to instances that started before this
 * @param customers instances of these customers (a segment)
 */
public record InstanceQuery(String stage, InstanceStatus status, Instant from, Instant to, Set<String> customers) {
  public static final InstanceQuery ALL = new InstanceQuery(null, null, null, null, null);

  public InstanceQuery {
    customers = customers == null ? null : Set.copyOf(customers);
  }

  public boolean accepts(JourneyInstance i) {
    return (stage == null || stage.equals(i.currentStage()))
        && (status == null || status == i.status())
        && (from == null || !i.startedAt().isBefore(from))
        && (to == null || i.startedAt().isBefore(to))
        && (customers == null || customers.contains(i.customer()));
  }
}
