package io.wayfinder.core.generate;

import io.wayfinder.core.event.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * Anonymous shop visitors who never buy: one visit each, in which they view products, most fill
 * a cart and some start a guest checkout, then leave. They give the online-order funnel the drop-off a real shop has
 * (most visitors never buy) and the journey its abandoned instances. Each visitor is one device
 * that never logs in, so the store keeps each as its own anonymous profile.
 */
final class Visitors {
  /**
   * Visitors per customer (Poisson mean), so that with {@link OnlineOrderJourney#VISITOR_ADDS_TO_CART}
   * about seven in ten carts are abandoned ({@link OnlineOrderJourney#CART_ABANDONMENT}) against the
   * customers' 4.6 digital orders each. About one visitor in twenty buys, near the 2-3 % session
   * conversion shops report.
   */
  static final double PER_CUSTOMER = 18.0;
  /** Visitor numbers per customer: ids are drawn from the customer number times this plus the visitor's. */
  private static final int SLOTS = 64;

  private Visitors() {}

  /** The visitors that come with customer {@code index}: their events, each visitor in time order. */
  static List<Event> play(long seed, int index, Rng rng, long start, long end, IdentityStitcher stitcher) {
    List<Event> out = new ArrayList<>();
    int n = Math.min(SLOTS - 1, rng.poisson(PER_CUSTOMER));
    for (int k = 0; k < n; k++) {
      // A number of its own, negative so it can never be a customer's: it seeds the visitor's ids.
      int number = -(index * SLOTS + k + 1);
      long t = start + (long) (rng.uniform() * (end - start));
      Device device = new Device(1, rng.chance(0.6) ? "web" : "app", Ids.uuid(seed, number, 1, 1), t, false);
      Customer visitor = new Customer(number, null, null, null, null, null, false, false, device, null, t);
      Timeline tl = new Timeline(visitor, rng, end);
      OnlineOrderJourney.visit(tl, device, t);
      out.addAll(stitcher.stitch(visitor, tl.drafts()));
    }
    return out;
  }
}
