package io.wayfinder.core.generate;

import java.util.List;

/**
 * The problems deliberately planted in generated data, with their sizes: the ground truth later
 * analyses (pain points, KPIs, key drivers, churn, CLV) are tested against. The generator reads
 * its rates from {@link #DEFAULT}, so what is reported here is what was planted.
 */
public record PlantedProblems(
    CallCentreFallback callCentreFallback,
    SlowHandOff slowHandOff,
    PoorStage poorStage,
    KeyDriver keyDriver,
    ChurnRisk churnRisk,
    PurchaseModel purchaseModel) {

  /** Many customers fall back to the call centre after a failed step. */
  public record CallCentreFallback(
      String journey,
      String stage,
      String attemptEvent,
      String failureEvent,
      String fallbackEvent,
      String fallbackChannel,
      String touchpoint,
      double failureRate,
      double callWithin48hRate,
      double medianHoursToCall,
      String showsUpIn) {}

  /** A partner hand-off whose wait is many times the journey's other transitions. */
  public record SlowHandOff(
      String journey,
      String stage,
      String fromEvent,
      String toEvent,
      String partnerChannel,
      double medianDays,
      double otherTransitionsMedianDaysAtMost,
      String showsUpIn) {}

  /** A stage whose survey scores are clearly the lowest, with negative comments. */
  public record PoorStage(
      String journey,
      String stage,
      List<String> touchpoints,
      double meanNps,
      double meanCsat,
      double otherStagesMeanNpsAtLeast,
      double otherStagesMeanCsatAtLeast,
      String showsUpIn) {}

  /**
   * The driver of a journey's NPS: {@code score ≈ base + pointsPerDay × waitDays + ...}, the
   * weaker drivers contributing {@code pointsPerWeakerContact} per occurrence.
   */
  public record KeyDriver(
      String journey,
      String survey,
      String outcome,
      String driver,
      String fromEvent,
      String toEvent,
      double npsBase,
      double pointsPerDay,
      List<String> weakerDrivers,
      double pointsPerWeakerContact,
      String showsUpIn) {}

  /**
   * Customers who lapse (stop buying) and, for a share of them, show it first: a web help visit
   * then a complaint to the call centre (a channel switch), a very low CSAT with a negative
   * comment, and often an e-mail unsubscribe — after which they never purchase again.
   */
  public record ChurnRisk(
      double signalShareOfLapsed,
      double complaintShareOfActive,
      int signalWithinDaysOfLastPurchase,
      List<String> signals,
      String showsUpIn) {}

  /**
   * The purchase process: BG/NBD (transaction rate λ ~ Gamma(r, α) per week, drop-out after each
   * purchase with p ~ Beta(a, b)) and Gamma-Gamma spend (ν ~ Gamma(q, γ), revenue ~ Gamma(p, ν)).
   * The first purchase is at acquisition, so the transaction summaries follow the model.
   */
  public record PurchaseModel(
      double r, double alpha, double a, double b, double p, double q, double gamma,
      String timeUnit, String purchaseEvent, String showsUpIn) {}

  public static final PlantedProblems DEFAULT = new PlantedProblems(
      new CallCentreFallback("online_order", "Request", "Payment Submitted", "Payment Failed",
          "Support Call", "call_centre", "payment", 0.30, 0.70, 5.0,
          "pain points: channel switch web/app → call_centre within 48 h after Payment Failed;"
              + " drop-off and rework at the payment step; contacts per journey"),
      new SlowHandOff("home_loan", "Respond", "Valuation Booked", "Valuation Done", "partner",
          12.0, 2.0,
          "discovery/pain points: transition Valuation Booked → Valuation Done median ≈ 12 days,"
              + " every other home_loan transition median ≤ 2 days"),
      new PoorStage("broadband_move", "Respond", List.of("technician_visit", "activation"),
          4.0, 2.2, 6.5, 3.4,
          "KPIs by journey and stage: broadband_move/Respond has the lowest NPS and CSAT;"
              + " sentiment: negative comments at technician_visit and activation"),
      new KeyDriver("home_loan", "home_loan_nps", "nps",
          "valuation wait (days from Valuation Booked to Valuation Done)",
          "Valuation Booked", "Valuation Done", 11.0, -0.25,
          List.of("status calls to the call centre", "document re-uploads"), -0.4,
          "key-driver analysis of home_loan_nps: valuation wait first"),
      new ChurnRisk(0.6, 0.04, 40,
          List.of("Help Article Viewed (web or app) then Complaint Filed (call_centre) with a"
                  + " negative comment",
              "Survey Response support_csat 1-2 with a negative comment (a quarter of them)",
              "Email Unsubscribed (half of them)", "no Order Completed afterwards"),
          "churn model: complaints, negative sentiment and channel switches rank these"
              + " customers high; listed in the summary's atRiskUserIds"),
      new PurchaseModel(2.0, 20.0, 1.0, 9.0, 6.0, 4.0, 45.0, "weeks", "Order Completed",
          "CLV fits on Order Completed revenue recover parameters near these"));
}
