package io.wayfinder.core.generate;

import static io.wayfinder.core.generate.Timeline.days;
import static io.wayfinder.core.generate.Timeline.hours;
import static io.wayfinder.core.generate.Timeline.minutes;

import java.util.List;

/**
 * A home-loan application: calculator, application with documents, a property valuation by a
 * partner, the decision and the contract in a branch. Plants the slow partner hand-off
 * (Valuation Booked → Valuation Done) and makes that wait the key driver of the journey's NPS.
 */
final class HomeLoanJourney {
  static final String NAME = "home_loan";
  static final String CALCULATOR = "Loan Calculator";
  static final String RATE_CALCULATED = "Rate Calculated";
  static final String OFFER_OPENED = "Loan Offer Email Opened";
  static final String STARTED = "Application Started";
  static final String DOCUMENTS_REQUESTED = "Documents Requested";
  static final String DOCUMENTS_UPLOADED = "Documents Uploaded";
  static final String SUBMITTED = "Application Submitted";
  static final String VALUATION_BOOKED = "Valuation Booked";
  static final String STATUS_CALL = "Status Call";
  static final String VALUATION_DONE = "Valuation Done";
  static final String APPROVED = "Loan Approved";
  static final String DECLINED = "Loan Declined";
  static final String CONTRACT_SIGNED = "Contract Signed";
  static final String DIRECT_DEBIT = "Direct Debit Set Up";

  static final JourneyDefinition DEFINITION = new JourneyDefinition(NAME, "Home-loan application",
      "Lending", List.of(
          new JourneyStage("Recognize", List.of(OFFER_OPENED, CALCULATOR, RATE_CALCULATED)),
          new JourneyStage("Request", List.of(STARTED, DOCUMENTS_REQUESTED, DOCUMENTS_UPLOADED, SUBMITTED)),
          new JourneyStage("Respond", List.of(VALUATION_BOOKED, STATUS_CALL, VALUATION_DONE,
              APPROVED, DECLINED, CONTRACT_SIGNED)),
          new JourneyStage("Repeat", List.of(DIRECT_DEBIT))),
      STARTED, CONTRACT_SIGNED, 60);

  private static final PlantedProblems.SlowHandOff HAND_OFF = PlantedProblems.DEFAULT.slowHandOff();
  private static final PlantedProblems.KeyDriver DRIVER = PlantedProblems.DEFAULT.keyDriver();

  private HomeLoanJourney() {}

  static void play(Timeline tl, long start) {
    Rng rng = tl.rng;
    Device device = tl.customer.digital(rng, start);
    if (rng.chance(0.3)) tl.track(start - hours(rng.uniform(2, 72)), "email", OFFER_OPENED, NAME, "Recognize", "offer");
    long t = start;
    for (int i = rng.between(1, 3); i > 0; i--) {
      tl.view(t, device, CALCULATOR, NAME, "Recognize", "calculator");
      t += minutes(rng.uniform(1, 8));
    }
    tl.track(t, device, RATE_CALCULATED, NAME, "Recognize", "calculator").anonymous()
        .with("amount", 50_000 * rng.between(4, 16));
    t += days(rng.logNormal(1.0, 0.6));
    tl.track(t, device, STARTED, NAME, "Request", "application");
    if (rng.chance(0.15)) return; // abandoned application
    int reuploads = rng.chance(0.35) ? rng.between(1, 2) : 0;
    for (int i = 0; i <= reuploads; i++) {
      t += hours(rng.uniform(1, 6));
      tl.track(t, "email", DOCUMENTS_REQUESTED, NAME, "Request", "documents");
      t += days(rng.logNormal(0.7, 0.5));
      tl.track(t, device, DOCUMENTS_UPLOADED, NAME, "Request", "documents").with("attempt", i + 1);
    }
    t += hours(rng.uniform(0.2, 3));
    tl.track(t, device, SUBMITTED, NAME, "Request", "application");
    if (rng.chance(0.3)) {
      tl.survey(t + hours(rng.uniform(1, 24)), "email", "application_csat", "csat",
          rng.score(4.2, 0.8, 1, 5), NAME, "Request", "application", "application");
    }
    t += days(rng.logNormal(1.0, 0.4));
    if (rng.chance(0.4)) tl.track(t, "call_centre", VALUATION_BOOKED, NAME, "Respond", "valuation");
    else tl.track(t, device, VALUATION_BOOKED, NAME, "Respond", "valuation");
    double waitDays = rng.logNormal(HAND_OFF.medianDays(), 0.45);
    int statusCalls = rng.poisson(0.15 + 0.02 * waitDays);
    for (int i = 0; i < statusCalls; i++) {
      tl.track(t + days(rng.uniform(0.2, waitDays)), "call_centre", STATUS_CALL, NAME, "Respond", "valuation")
          .with("duration_seconds", rng.between(90, 900));
    }
    t += days(waitDays);
    tl.track(t, "partner", VALUATION_DONE, NAME, "Respond", "valuation").with("partner", "ValuCorp");
    t += days(rng.logNormal(1.2, 0.4));
    boolean approved = rng.chance(0.9);
    tl.track(t, "email", approved ? APPROVED : DECLINED, NAME, "Respond", "loan_decision");
    if (approved) {
      t += days(rng.logNormal(1.5, 0.5));
      tl.track(t, "store", CONTRACT_SIGNED, NAME, "Respond", "contract");
      tl.track(t + days(rng.logNormal(1.0, 0.5)), device, DIRECT_DEBIT, NAME, "Repeat", "repayment");
    }
    if (rng.chance(0.45)) {
      double latent = DRIVER.npsBase() + DRIVER.pointsPerDay() * waitDays
          + DRIVER.pointsPerWeakerContact() * (statusCalls + reuploads) - (approved ? 0 : 2);
      tl.survey(t + days(rng.uniform(1, 3)), "email", DRIVER.survey(), "nps",
          rng.score(latent, 1.0, 0, 10), NAME, "Respond", "loan_decision", "loan process");
    }
  }
}
