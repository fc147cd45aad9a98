package io.wayfinder.core.generate;

import static io.wayfinder.core.generate.Timeline.days;
import static io.wayfinder.core.generate.Timeline.hours;
import static io.wayfinder.core.generate.Timeline.minutes;

import java.util.List;
import java.util.Map;

/**
 * A support case, opened on any channel and resolved by the call centre or by e-mail; or, for
 * customers about to lapse, a complaint that follows a fruitless web visit (the at-risk signals).
 */
final class SupportCaseJourney {
  static final String NAME = "support_case";
  static final String HELP_CENTRE = "Help Centre";
  static final String ARTICLE = "Help Article Viewed";
  static final String OPENED = "Case Opened";
  static final String COMPLAINT = "Complaint Filed";
  static final String UPDATED = "Case Updated";
  static final String RESOLVED = "Case Resolved";
  static final String UNSUBSCRIBED = "Email Unsubscribed";

  static final JourneyDefinition DEFINITION = new JourneyDefinition(NAME, "Support case",
      "Customer Service", List.of(
          new JourneyStage("Recognize", List.of(HELP_CENTRE, ARTICLE)),
          new JourneyStage("Request", List.of(OPENED, COMPLAINT)),
          new JourneyStage("Respond", List.of(UPDATED, RESOLVED)),
          new JourneyStage("Repeat", List.of(UNSUBSCRIBED))),
      OPENED, RESOLVED, 21);

  private SupportCaseJourney() {}

  static void play(Timeline tl, long start) {
    Rng rng = tl.rng;
    Device device = tl.customer.digital(rng, start);
    long t = start;
    if (rng.chance(0.5)) t = helpVisit(tl, device, t) + minutes(rng.uniform(1, 30));
    double u = rng.uniform();
    if (u < 0.5) tl.track(t, device, OPENED, NAME, "Request", "case");
    else tl.track(t, u < 0.7 ? "email" : "call_centre", OPENED, NAME, "Request", "case");
    t += days(rng.logNormal(0.5, 0.5));
    tl.track(t, "email", UPDATED, NAME, "Respond", "case");
    t += days(rng.logNormal(1.2, 0.5));
    tl.track(t, rng.chance(0.5) ? "call_centre" : "email", RESOLVED, NAME, "Respond", "resolution");
    if (rng.chance(0.4)) {
      tl.survey(t + hours(rng.uniform(1, 24)), "email", "support_csat", "csat",
          rng.score(4.2, 0.8, 1, 5), NAME, "Respond", "resolution", "support");
    }
    if (rng.chance(0.2)) {
      tl.survey(t + hours(rng.uniform(1, 24)), "email", "support_ces", "ces",
          rng.score(5.3, 1.1, 1, 7), NAME, "Respond", "resolution", "support");
    }
  }

  /** The at-risk pattern: help pages on the web, then a complaint by phone, a bad score. */
  static void complain(Timeline tl, long start) {
    Rng rng = tl.rng;
    Device device = tl.customer.digital(rng, start);
    long t = helpVisit(tl, device, start) + hours(rng.uniform(1, 24));
    tl.track(t, "call_centre", COMPLAINT, NAME, "Request", "complaint")
        .with("duration_seconds", rng.between(300, 2400))
        .with("comment", Comments.write(rng, "csat", 1, "service"));
    t += days(rng.logNormal(0.8, 0.5));
    tl.track(t, "email", UPDATED, NAME, "Respond", "case");
    // Few complainers answer the survey; those who do are scathing.
    if (rng.chance(0.25)) {
      tl.survey(t + hours(rng.uniform(1, 24)), "email", "support_csat", "csat",
          rng.score(1.3, 0.5, 1, 5), NAME, "Respond", "resolution", "support").with("comment",
          Comments.write(rng, "csat", 1, "support"));
    }
    if (rng.chance(0.5)) {
      t += days(rng.uniform(1, 10));
      tl.track(t, "email", UNSUBSCRIBED, NAME, "Repeat", "email_preferences");
      tl.traits(t + 1000, Map.of("consent", Map.of("email", false)));
    }
  }

  private static long helpVisit(Timeline tl, Device device, long t) {
    tl.view(t, device, HELP_CENTRE, NAME, "Recognize", "help_centre");
    t += minutes(tl.rng.uniform(1, 5));
    tl.track(t, device, ARTICLE, NAME, "Recognize", "help_centre").anonymous();
    return t;
  }
}
