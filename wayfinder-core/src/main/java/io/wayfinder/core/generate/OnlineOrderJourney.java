package io.wayfinder.core.generate;

import static io.wayfinder.core.generate.Timeline.days;
import static io.wayfinder.core.generate.Timeline.hours;
import static io.wayfinder.core.generate.Timeline.minutes;
import static io.wayfinder.core.generate.Timeline.HOUR;
import static io.wayfinder.core.generate.Timeline.MINUTE;

import java.util.List;

/**
 * One purchase: browsing, checkout and payment on the web or in the app (or a store visit),
 * partner delivery, then surveys and peer reviews. Plants the call-centre fallback: a share of payments fail and most of those customers phone
 * within 48 hours.
 */
final class OnlineOrderJourney {
  static final String NAME = "online_order";
  static final String PRODUCT = "Product";
  static final String PRODUCT_ADDED = "Product Added";
  static final String CHECKOUT = "Checkout Started";
  static final String PAYMENT = "Payment Submitted";
  static final String PAYMENT_FAILED = "Payment Failed";
  static final String SUPPORT_CALL = "Support Call";
  static final String STORE_VISIT = "Store Visit";
  static final String ORDER_COMPLETED = "Order Completed";
  static final String CONFIRMATION = "Order Confirmation Sent";
  static final String SHIPPED = "Order Shipped";
  static final String DELIVERED = "Order Delivered";
  static final String REVIEW = "Review Posted";
  static final String CAMPAIGN = "Campaign Email Opened";

  static final JourneyDefinition DEFINITION = new JourneyDefinition(NAME, "Online order",
      "E-commerce", List.of(
          new JourneyStage("Recognize", List.of(CAMPAIGN, PRODUCT, PRODUCT_ADDED)),
          new JourneyStage("Request", List.of(CHECKOUT, STORE_VISIT, PAYMENT, PAYMENT_FAILED,
              SUPPORT_CALL, ORDER_COMPLETED)),
          new JourneyStage("Respond", List.of(CONFIRMATION, SHIPPED, DELIVERED)),
          new JourneyStage("Repeat", List.of(REVIEW))),
      PRODUCT, ORDER_COMPLETED, 14);

  private static final PlantedProblems.CallCentreFallback PLANT =
      PlantedProblems.DEFAULT.callCentreFallback();
  private static final double STORE_SHARE = 0.15;

  /**
   * Share of carts (Product Added) that never become an order, the published rate the funnel is
   * calibrated to: Baymard Institute's average of 49 documented studies, 70.19 % (2024). The
   * abandoned carts are the visitors' ({@link Visitors}); a customer's own cart converts, so that
   * a customer's journey instances show no cart put together twice (no rework that was not planted).
   */
  static final double CART_ABANDONMENT = 0.70;
  /**
   * Share of carts that reach checkout. With {@link #CART_ABANDONMENT} a third of the checkouts
   * started are abandoned (1 − 0.30 / 0.45): most carts are left before checkout.
   */
  static final double CART_TO_CHECKOUT = 0.45;
  /** Share of abandoned carts that started checkout first, so that all carts reach it at {@link #CART_TO_CHECKOUT}. */
  static final double ABANDONED_AT_CHECKOUT = (CART_TO_CHECKOUT - (1 - CART_ABANDONMENT)) / CART_ABANDONMENT;
  /** Share of visitors who put something in the cart. */
  static final double VISITOR_ADDS_TO_CART = 0.6;

  private OnlineOrderJourney() {}

  /**
   * Plays one order that completes at about {@code time} and returns when it completed. Nothing
   * of it happens before {@code after} (the previous order's completion): its product views open
   * a journey instance of its own, so a repeat purchase is never a second goal of the last one.
   * The first order is always digital on the customer's first device, where the customer signs up.
   */
  static long play(Timeline tl, long time, long after, String orderId, double revenue, boolean first) {
    Rng rng = tl.rng;
    // A retried payment can complete an order after the next one was due: the next one waits.
    time = Math.max(time, after + HOUR);
    if (!first && rng.chance(STORE_SHARE)) {
      // Research online, buy in the store.
      Device device = tl.customer.digital(rng, time);
      long viewed = clamp(time - hours(rng.uniform(2, 72)), after + MINUTE, time - 45 * MINUTE);
      tl.view(viewed, device, PRODUCT, NAME, "Recognize", "product_page")
          .with("path", "/products/" + rng.between(100, 999));
      tl.track(time - minutes(rng.uniform(5, 40)), "store", STORE_VISIT, NAME, "Request", "store");
      complete(tl, time, "store", orderId, revenue);
      if (rng.chance(0.10)) {
        tl.survey(time + hours(rng.uniform(1, 24)), "email", "store_csat", "csat",
            rng.score(4.3, 0.8, 1, 5), NAME, "Request", "store", "store visit");
      }
      return time;
    }
    Device device = first ? tl.customer.firstDevice() : tl.customer.digital(rng, time);
    browse(tl, device, time, after);
    tl.track(time - minutes(rng.uniform(2, 10)), device, CHECKOUT, NAME, "Request", "checkout");
    tl.track(time - minutes(rng.uniform(0.5, 2)), device, PAYMENT, NAME, "Request", "payment");
    long completedAt = time;
    String channel = device.channel();
    boolean failed = rng.chance(PLANT.failureRate());
    if (failed) {
      tl.track(time, device, PAYMENT_FAILED, NAME, "Request", "payment")
          .with("reason", rng.pick(List.of("card_declined", "3ds_timeout", "gateway_error")));
      if (rng.chance(PLANT.callWithin48hRate())) {
        long call = time + Math.min(47 * HOUR, hours(rng.logNormal(PLANT.medianHoursToCall(), 0.9)));
        tl.track(call, "call_centre", SUPPORT_CALL, NAME, "Request", "payment")
            .with("reason", "payment_failed").with("duration_seconds", rng.between(120, 1500));
        completedAt = call + minutes(rng.uniform(5, 20));
        channel = "call_centre";
      } else {
        // The rest retry on their own a few days later, after the 48-hour window.
        completedAt = time + days(rng.uniform(2.2, 6));
        tl.track(completedAt - MINUTE, device, PAYMENT, NAME, "Request", "payment");
      }
    }
    if (channel.equals("call_centre")) complete(tl, completedAt, channel, orderId, revenue);
    else completeOn(tl, completedAt, device, orderId, revenue);
    deliver(tl, completedAt);
    if (rng.chance(0.10)) {
      tl.survey(completedAt + hours(rng.uniform(1, 24)), "email", "checkout_ces", "ces",
          rng.score(failed ? 3.2 : 5.8, 1.0, 1, 7), NAME, "Request", "checkout", "checkout");
    }
    return completedAt;
  }

  private static long clamp(long t, long lo, long hi) {
    return Math.max(lo, Math.min(hi, t));
  }

  private static void browse(Timeline tl, Device device, long time, long after) {
    Rng rng = tl.rng;
    // the views and the cart (at most 25 minutes) end before checkout, 2-10 minutes before the order
    long t = clamp(time - hours(rng.uniform(0.2, 72)), after + MINUTE, time - 40 * MINUTE);
    if (rng.chance(0.25)) tl.track(t - hours(rng.uniform(1, 48)), "email", CAMPAIGN, NAME, "Recognize", "campaign");
    t = viewProducts(tl, device, t, 4);
    tl.track(t + MINUTE, device, PRODUCT_ADDED, NAME, "Recognize", "cart").anonymous();
  }

  /**
   * A visitor's session, which ends without an order: product views, a cart at
   * {@link #VISITOR_ADDS_TO_CART}, and for a share of the carts a guest checkout (no log-in)
   * that is left before payment. A visitor who fills a cart has found the product: one or two views.
   */
  static void visit(Timeline tl, Device device, long time) {
    Rng rng = tl.rng;
    boolean cart = rng.chance(VISITOR_ADDS_TO_CART);
    long t = viewProducts(tl, device, time, cart ? 2 : 3) + MINUTE;
    if (!cart) return;
    tl.track(t, device, PRODUCT_ADDED, NAME, "Recognize", "cart").anonymous();
    if (!rng.chance(ABANDONED_AT_CHECKOUT)) return;
    tl.track(t + minutes(rng.uniform(1, 15)), device, CHECKOUT, NAME, "Request", "checkout").anonymous();
  }

  private static long viewProducts(Timeline tl, Device device, long t, int maxViews) {
    Rng rng = tl.rng;
    int views = rng.between(1, maxViews);
    for (int i = 0; i < views; i++) {
      t += minutes(rng.uniform(1, 6));
      tl.view(t, device, PRODUCT, NAME, "Recognize", "product_page")
          .with("path", "/products/" + rng.between(100, 999));
    }
    return t;
  }

  private static void complete(Timeline tl, long time, String channel, String orderId, double revenue) {
    order(tl.track(time, channel, ORDER_COMPLETED, NAME, "Request", "checkout"), tl.rng, orderId, revenue);
  }

  private static void completeOn(Timeline tl, long time, Device device, String orderId, double revenue) {
    order(tl.track(time, device, ORDER_COMPLETED, NAME, "Request", "checkout"), tl.rng, orderId, revenue);
  }

  private static void order(Draft d, Rng rng, String orderId, double revenue) {
    d.with("orderId", orderId).with("revenue", revenue).with("currency", "EUR")
        .with("products", rng.between(1, 4));
  }

  private static void deliver(Timeline tl, long completedAt) {
    Rng rng = tl.rng;
    tl.track(completedAt + MINUTE, "email", CONFIRMATION, NAME, "Respond", "confirmation");
    long shipped = completedAt + days(rng.uniform(0.3, 1.5));
    tl.track(shipped, "partner", SHIPPED, NAME, "Respond", "delivery").with("carrier", "ParcelCo");
    long delivered = shipped + days(rng.logNormal(1.5, 0.4));
    tl.track(delivered, "partner", DELIVERED, NAME, "Respond", "delivery").with("carrier", "ParcelCo");
    if (rng.chance(0.20)) {
      tl.survey(delivered + hours(rng.uniform(2, 48)), "email", "delivery_csat", "csat",
          rng.score(4.3, 0.8, 1, 5), NAME, "Respond", "delivery", "delivery");
    }
    if (rng.chance(0.08)) {
      tl.survey(delivered + days(rng.uniform(1, 7)), "email", "relationship_nps", "nps",
          rng.score(8.2, 1.6, 0, 10), NAME, "Repeat", "relationship", "service");
    }
    if (rng.chance(0.06)) {
      int rating = rng.score(4.2, 0.9, 1, 5);
      tl.track(delivered + days(rng.uniform(1, 10)), "review", REVIEW, NAME, "Repeat", "review")
          .with("rating", rating).with("comment", Comments.write(rng, "csat", rating, "product"));
    }
  }
}
