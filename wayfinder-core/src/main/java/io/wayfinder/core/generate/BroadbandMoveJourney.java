package io.wayfinder.core.generate;

import static io.wayfinder.core.generate.Timeline.days;
import static io.wayfinder.core.generate.Timeline.hours;
import static io.wayfinder.core.generate.Timeline.minutes;

import java.util.List;
import java.util.Map;

/**
 * Moving a broadband contract to a new address: the request, a partner technician visit and
 * activation. Plants the poor stage: Respond scores are far below every other stage's.
 */
final class BroadbandMoveJourney {
  static final String NAME = "broadband_move";
  static final String REMINDER = "Moving Reminder Opened";
  static final String MOVING_PAGE = "Moving House";
  static final String REQUESTED = "Move Requested";
  static final String ADDRESS_CHECKED = "Address Checked";
  static final String TECHNICIAN_BOOKED = "Technician Booked";
  static final String TECHNICIAN_NO_SHOW = "Technician No-Show";
  static final String TECHNICIAN_VISIT = "Technician Visit";
  static final String ACTIVATED = "Service Activated";
  static final String SPEED_TEST = "Speed Test Run";
  static final String PLAN_CHANGED = "Plan Changed";

  static final JourneyDefinition DEFINITION = new JourneyDefinition(NAME, "Moving a broadband contract",
      "Telco Operations", List.of(
          new JourneyStage("Recognize", List.of(REMINDER, MOVING_PAGE)),
          new JourneyStage("Request", List.of(REQUESTED, ADDRESS_CHECKED)),
          new JourneyStage("Respond", List.of(TECHNICIAN_BOOKED, TECHNICIAN_NO_SHOW, TECHNICIAN_VISIT, ACTIVATED)),
          new JourneyStage("Repeat", List.of(SPEED_TEST, PLAN_CHANGED))),
      REQUESTED, ACTIVATED, 30);

  private static final PlantedProblems.PoorStage POOR = PlantedProblems.DEFAULT.poorStage();
  private static final List<String> PLANS = List.of("fibre_100", "fibre_300", "fibre_1000");

  private BroadbandMoveJourney() {}

  static void play(Timeline tl, long start) {
    Rng rng = tl.rng;
    Device device = tl.customer.digital(rng, start);
    if (rng.chance(0.4)) tl.track(start - hours(rng.uniform(2, 96)), "email", REMINDER, NAME, "Recognize", "reminder");
    tl.view(start, device, MOVING_PAGE, NAME, "Recognize", "moving_page");
    long t = start + minutes(rng.uniform(2, 30));
    if (rng.chance(0.3)) {
      // Some phone instead: a channel switch, but not a planted one.
      t += hours(rng.uniform(1, 48));
      tl.track(t, "call_centre", REQUESTED, NAME, "Request", "move_request");
      tl.track(t + minutes(rng.uniform(3, 10)), "call_centre", ADDRESS_CHECKED, NAME, "Request", "address_check");
    } else {
      tl.track(t, device, REQUESTED, NAME, "Request", "move_request");
      tl.track(t + minutes(rng.uniform(1, 5)), device, ADDRESS_CHECKED, NAME, "Request", "address_check");
    }
    t += days(rng.logNormal(0.6, 0.5));
    tl.track(t, "email", TECHNICIAN_BOOKED, NAME, "Respond", "technician_visit");
    t += days(rng.logNormal(2.0, 0.4));
    if (rng.chance(0.3)) {
      tl.track(t, "partner", TECHNICIAN_NO_SHOW, NAME, "Respond", "technician_visit").with("partner", "FieldTech");
      t += days(rng.logNormal(0.7, 0.4));
      tl.track(t, "email", TECHNICIAN_BOOKED, NAME, "Respond", "technician_visit");
      t += days(rng.logNormal(2.0, 0.4));
    }
    tl.track(t, "partner", TECHNICIAN_VISIT, NAME, "Respond", "technician_visit").with("partner", "FieldTech");
    if (rng.chance(0.4)) {
      tl.survey(t + hours(rng.uniform(2, 24)), "email", "technician_csat", "csat",
          rng.score(POOR.meanCsat(), 0.9, 1, 5), NAME, "Respond", "technician_visit", "technician visit");
    }
    t += hours(rng.uniform(1, 8));
    tl.track(t, "email", ACTIVATED, NAME, "Respond", "activation");
    if (rng.chance(0.35)) {
      tl.survey(t + days(rng.uniform(1, 3)), "email", "move_nps", "nps",
          rng.score(POOR.meanNps(), 2.2, 0, 10), NAME, "Respond", "activation", "broadband move");
    }
    if (rng.chance(0.5)) tl.track(t + days(rng.logNormal(1.0, 0.5)), device, SPEED_TEST, NAME, "Repeat", "speed_test");
    if (rng.chance(0.2)) {
      long changed = t + days(rng.logNormal(2.0, 0.5));
      String plan = rng.pick(PLANS);
      tl.track(changed, device, PLAN_CHANGED, NAME, "Repeat", "plan").with("plan", plan);
      tl.traits(changed + 1000, Map.of("plan", plan));
    }
  }
}
