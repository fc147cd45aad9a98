package io.wayfinder.core.voc.survey;

/**
 * A validated answer to one question: a score for rating questions, the text of a text question,
 * or the chosen option of a choice question (the other fields null).
 */
public record Answer(Question question, Integer score, String text, String choice) {}
