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
    String journey, String stage, String touchpoint) {}
