package io.wayfinder.core.voc.survey;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One question of a survey.
 *
 * @param id short identifier, unique in the survey, used as the answer's key
 * @param choices the options of a {@link QuestionType#CHOICE} question; empty otherwise
 * @param required whether a submission must answer it
 */
public record Question(String id, QuestionType type, String text, List<String> choices, boolean required) {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");

  public Question {
    Objects.requireNonNull(type, "type");
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("question id must be 1–40 letters, digits, '_' or '-'; got '" + id + "'");
    }
    if (text == null || text.isBlank()) throw new IllegalArgumentException("question " + id + ": text is required");
    choices = choices == null ? List.of() : List.copyOf(choices);
    if (type == QuestionType.CHOICE && choices.isEmpty()) {
      throw new IllegalArgumentException("question " + id + ": a choice question needs choices");
    }
    if (type != QuestionType.CHOICE && !choices.isEmpty()) {
      throw new IllegalArgumentException("question " + id + ": only choice questions have choices");
    }
  }
}
