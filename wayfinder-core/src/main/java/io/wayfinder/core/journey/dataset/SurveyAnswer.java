package io.wayfinder.core.journey.dataset;

/**
 * One "Survey Response" event, read from its properties: the KPI and pain-point analyses use
 * these. {@code event} is the event's position in the dataset's time-sorted order.
 *
 * @param questionType {@code nps}, {@code csat} or {@code ces} (or null when unknown)
 * @param score the score, or null when absent or not a whole number
 */
public record SurveyAnswer(
    int event, String survey, String questionType, Integer score, String comment,
    String journey, String stage, String touchpoint) {

  /** The answer held in a "Survey Response" event's properties. */
  public static SurveyAnswer fromProperties(int event, java.util.Map<String, ?> p) {
    Object score = p.get("score");
    Integer s = null;
    if (score instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) s = n.intValue();
    else if (score instanceof String str && str.matches("-?\\d{1,3}")) s = Integer.valueOf(str);
    return new SurveyAnswer(event, text(p, "survey"), text(p, "question_type"), s, text(p, "comment"),
        text(p, "journey"), text(p, "stage"), text(p, "touchpoint"));
  }

  /** The same answer at another event number. */
  public SurveyAnswer at(int otherEvent) {
    return new SurveyAnswer(otherEvent, survey, questionType, score, comment, journey, stage, touchpoint);
  }

  private static String text(java.util.Map<String, ?> p, String key) {
    Object v = p.get(key);
    return v == null ? null : v.toString();
  }
}
