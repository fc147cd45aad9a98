package io.wayfinder.core.voc.drivers;

/**
 * One event of a customer's journey, as driver features are computed from it: a named step, or a
 * survey answer ({@code step} null, with question type, score and survey).
 */
public record JourneyStep(
    long customer, String step, String channel, long epochMillis, String questionType, Integer score, String survey) {

  public boolean isAnswer() {
    return step == null;
  }
}
