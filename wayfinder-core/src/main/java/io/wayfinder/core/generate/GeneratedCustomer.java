package io.wayfinder.core.generate;

import io.wayfinder.core.event.Event;
import java.util.List;

/**
 * One generated customer's events in time order.
 *
 * @param userId the customer's user id
 * @param atRisk whether the customer shows the planted at-risk behaviour before lapsing
 * @param lapsed whether the customer stopped buying within the window (BG/NBD drop-out)
 * @param events the events, ordered by timestamp
 * @param visitors the events of the anonymous visitors who come with this customer (people who
 *     browse the shop, some fill a cart, and never buy nor log in), ordered by visitor then time
 */
public record GeneratedCustomer(String userId, boolean atRisk, boolean lapsed, List<Event> events, List<Event> visitors) {
  public GeneratedCustomer {
    events = List.copyOf(events);
    visitors = List.copyOf(visitors);
  }
}
