package io.wayfinder.core.predict.churn;

import java.util.Objects;

/**
 * One event of a customer's journeys, reduced to what the churn features read.
 *
 * @param customer the resolved customer (profile)
 * @param epochMillis when it happened
 * @param name the event name ("Order Completed", "Complaint Filed", ...)
 * @param channel the channel, or null
 * @param comment free text carried by the event (survey or complaint comment), or null
 * @param questionType survey question type ({@code nps}, {@code csat}, {@code ces}) or null
 * @param score the survey score, NaN when there is none
 */
public record Interaction(String customer, long epochMillis, String name, String channel, String comment,
    String questionType, double score) {
  public Interaction {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(name, "name");
  }

  /** True for a survey answer at the bottom of its scale: NPS 0–6, CSAT 1–2, CES 1–3. */
  public boolean lowScore() {
    if (questionType == null || Double.isNaN(score)) return false;
    return switch (questionType) {
      case "nps" -> score <= 6;
      case "csat" -> score <= 2;
      case "ces" -> score <= 3;
      default -> false;
    };
  }
}
