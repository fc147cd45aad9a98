package io.wayfinder.server.voc;

import io.wayfinder.core.voc.survey.InvalidAnswerException;
import io.wayfinder.core.voc.survey.Question;
import io.wayfinder.core.voc.survey.SurveyDefinition;

/**
 * What a customer reads when an answer cannot be taken: plain words that name the question by its
 * text, never a field path or a status code (those stay in the API's problem details).
 */
final class CustomerWording {
  static final String UNKNOWN_LINK = "This survey link does not work. It may be incomplete or mistyped; please open the link from your message again.";
  static final String ANSWERED = "You have answered this survey already. Thank you for your time!";
  static final String THANKS = "Thank you! Your answer has been recorded.";

  private CustomerWording() {}

  /** The customer's wording of a rejected answer to {@code survey}. */
  static String of(SurveyDefinition survey, IllegalArgumentException e) {
    if (!(e instanceof InvalidAnswerException a)) return "Sorry, we could not read your answers. Please check them and send again.";
    if (a.field().equals("answers")) return "Please answer at least one question before sending.";
    Question q = survey.question(a.field().substring("answers.".length())).orElse(null);
    if (q == null) return "Sorry, this form is out of date. Please reload the page and answer again.";
    String detail = e.getMessage();
    if (detail.endsWith("is required")) return "Please answer “" + q.text() + "”.";
    if (detail.contains("characters; the limit is")) {
      return "Your answer to “" + q.text() + "” is too long: please keep it under " + SurveyDefinition.MAX_TEXT + " characters.";
    }
    return "Please choose one of the offered answers to “" + q.text() + "”.";
  }
}
