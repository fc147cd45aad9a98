package io.wayfinder.core.voc.survey;

/**
 * What a survey asks about: a whole journey (asked when a journey instance ends) or one
 * touchpoint (asked right after an interaction there). Both are kept because journey-level scores
 * predict overall satisfaction better, while touchpoint scores say where to act.
 */
public enum SurveyLevel {
  JOURNEY,
  TOUCHPOINT
}
