package io.wayfinder.core.generate;

import static io.wayfinder.core.generate.Timeline.DAY;
import static io.wayfinder.core.generate.Timeline.days;

import io.wayfinder.core.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A seeded, deterministic generator of a believable multi-channel data set: customers on
 * several concurrent journeys ({@link JourneyCatalog#generated()}) across web, app, store, call
 * centre, e-mail, partner and review channels, with purchases, survey answers and the problems
 * described by {@link PlantedProblems#DEFAULT}; with each customer come a few anonymous
 * {@link Visitors} who browse and never buy.
 *
 * <p>Each customer is drawn from a random stream seeded by the seed and the customer's number
 * alone, and emitted whole before the next, so memory stays flat for any number of customers.
 * Events carry id 0 and profile 0: the store assigns both.
 */
public final class SyntheticDataGenerator {
  static final double HOME_LOAN_SHARE = 0.25;
  static final double BROADBAND_MOVE_SHARE = 0.35;
  static final double SUPPORT_CASES_PER_YEAR = 0.7;
  /** Lapsed customers keep some contact with the company for about a month. */
  private static final long AFTER_LAPSE = 30 * DAY;

  private final GeneratorConfig config;
  private final PlantedProblems planted = PlantedProblems.DEFAULT;
  private final long start;
  private final long end;
  private final IdentityStitcher stitcher;

  public SyntheticDataGenerator(GeneratorConfig config) {
    this.config = config;
    this.start = config.start().toEpochMilli();
    this.end = config.end().toEpochMilli();
    this.stitcher = new IdentityStitcher(config.seed(), start, end);
  }

  public GeneratorConfig config() {
    return config;
  }

  /** The ground truth of what this generator plants. */
  public PlantedProblems plantedProblems() {
    return planted;
  }

  public JourneyCatalog catalog() {
    return JourneyCatalog.generated();
  }

  /** Generates every customer in order and hands each event to {@code sink}. */
  public GenerationSummary generate(Consumer<Event> sink) {
    List<String> atRisk = new ArrayList<>();
    long events = 0;
    long purchases = 0;
    double revenue = 0;
    for (int i = 0; i < config.customers(); i++) {
      GeneratedCustomer c = customer(i);
      if (c.atRisk()) atRisk.add(c.userId());
      for (Event e : c.events()) {
        if (OnlineOrderJourney.ORDER_COMPLETED.equals(e.name())) {
          purchases++;
          revenue += ((Number) e.properties().get("revenue")).doubleValue();
        }
        sink.accept(e);
      }
      c.visitors().forEach(sink);
      events += c.events().size() + c.visitors().size();
    }
    return new GenerationSummary(config.customers(), events, purchases, revenue, atRisk);
  }

  /** The events of customer number {@code index} (0-based), the same on every call. */
  public GeneratedCustomer customer(int index) {
    if (index < 0 || index >= config.customers()) {
      throw new IllegalArgumentException("customer " + index + " outside 0.." + (config.customers() - 1));
    }
    Rng rng = new Rng(Ids.mix(config.seed(), index, 0x5EEDL));
    long acquiredAt = start + days(rng.uniform(2, 0.8 * config.days()));
    Customer customer = Customer.draw(rng, config.seed(), index, acquiredAt);
    Purchases purchases = Purchases.draw(rng, planted.purchaseModel(), acquiredAt, end);
    Timeline tl = new Timeline(customer, rng, end);

    long[] times = purchases.times();
    long completed = times[0] - days(21);
    for (int i = 0; i < times.length; i++) {
      completed = OnlineOrderJourney.play(tl, times[i], completed, Ids.orderId(index, i), purchases.revenues()[i], i == 0);
    }
    long activeUntil = purchases.lapsed() ? Math.min(end, purchases.lapsedAt() + AFTER_LAPSE) : end;
    long from = acquiredAt + DAY;
    if (activeUntil > from) {
      if (rng.chance(HOME_LOAN_SHARE)) HomeLoanJourney.play(tl, between(rng, from, activeUntil));
      if (rng.chance(BROADBAND_MOVE_SHARE)) BroadbandMoveJourney.play(tl, between(rng, from, activeUntil));
      int cases = rng.poisson(SUPPORT_CASES_PER_YEAR * (activeUntil - from) / (365.0 * DAY));
      for (int i = 0; i < cases; i++) SupportCaseJourney.play(tl, between(rng, from, activeUntil));
    }
    boolean atRisk = plantAtRisk(tl, purchases, completed, from);
    List<Event> events = stitcher.stitch(customer, tl.drafts());
    // The visitors draw from a stream of their own: how many come does not shift the customer's draws.
    Rng visitorRng = new Rng(Ids.mix(config.seed(), index, 0x715170L));
    return new GeneratedCustomer(customer.userId(), atRisk, purchases.lapsed(), events,
        Visitors.play(config.seed(), index, visitorRng, start, end, stitcher));
  }

  /**
   * Most lapsing customers complain shortly after their last purchase; a few active ones
   * complain too, so that a complaint alone is a signal, not a verdict.
   */
  private boolean plantAtRisk(Timeline tl, Purchases purchases, long lastCompleted, long from) {
    PlantedProblems.ChurnRisk risk = planted.churnRisk();
    Rng rng = tl.rng;
    long window = days(risk.signalWithinDaysOfLastPurchase());
    // Counted from the last order's completion, which a retried payment can delay past its due time.
    if (purchases.lapsed() && lastCompleted + window < end && rng.chance(risk.signalShareOfLapsed())) {
      SupportCaseJourney.complain(tl, lastCompleted + days(rng.uniform(3, risk.signalWithinDaysOfLastPurchase())));
      return true;
    }
    if (!purchases.lapsed() && end > from && rng.chance(risk.complaintShareOfActive())) {
      SupportCaseJourney.complain(tl, between(rng, from, end));
    }
    return false;
  }

  private static long between(Rng rng, long from, long to) {
    return from + (long) (rng.uniform() * (to - from));
  }
}
