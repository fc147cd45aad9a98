package io.wayfinder.core.voc.survey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A survey: its questions, what it is about (a journey, or a stage and touchpoint of one) and
 * when it is offered. Without a trigger it is offered only through links and the widget.
 *
 * @param journey the journey the answers belong to; required for journey-level surveys
 * @param stage the stage of a touchpoint-level survey; null: taken from the triggering event
 * @param touchpoint the touchpoint of a touchpoint-level survey; null: taken from the triggering event
 * @param trigger when to invite automatically; null for link-only surveys
 */
public record SurveyDefinition(
    String id,
    String name,
    SurveyLevel level,
    String journey,
    String stage,
    String touchpoint,
    List<Question> questions,
    SurveyTrigger trigger) {

  /** Longest accepted free-text answer, in characters. */
  public static final int MAX_TEXT = 2000;
  public static final int MAX_QUESTIONS = 20;
  private static final Pattern ID = Pattern.compile("[a-z0-9_-]{1,64}");

  public SurveyDefinition {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("id must be 1–64 lower-case letters, digits, '_' or '-'; got '" + id + "'");
    }
    if (name == null || name.isBlank()) throw new IllegalArgumentException("name is required");
    Objects.requireNonNull(level, "level");
    if (level == SurveyLevel.JOURNEY && (journey == null || journey.isBlank())) {
      throw new IllegalArgumentException("journey is required for a journey-level survey");
    }
    if (questions == null || questions.isEmpty() || questions.size() > MAX_QUESTIONS) {
      throw new IllegalArgumentException("questions: give 1–" + MAX_QUESTIONS + " questions");
    }
    questions = List.copyOf(questions);
    Set<String> ids = new HashSet<>();
    for (Question q : questions) {
      if (!ids.add(q.id())) throw new IllegalArgumentException("questions: id '" + q.id() + "' appears twice");
    }
  }

  public Optional<Question> question(String questionId) {
    return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
  }

  /**
   * Checks raw answers (question id → the value as text, as a form or JSON body gives it) against
   * the questions and returns them typed, in question order. Blank values count as unanswered.
   *
   * @throws InvalidAnswerException naming the first answer at fault
   */
  public List<Answer> validate(Map<String, String> raw) {
    Map<String, String> given = new LinkedHashMap<>();
    raw.forEach((k, v) -> {
      if (question(k).isEmpty()) throw new InvalidAnswerException("answers." + k, "survey " + id + " has no such question");
      if (v != null && !v.isBlank()) given.put(k, v.strip());
    });
    List<Answer> out = new ArrayList<>();
    for (Question q : questions) {
      String v = given.get(q.id());
      String field = "answers." + q.id();
      if (v == null) {
        if (q.required()) throw new InvalidAnswerException(field, "is required");
        continue;
      }
      out.add(switch (q.type()) {
        case NPS, CSAT, CES -> new Answer(q, score(q, v, field), null, null);
        case TEXT -> {
          if (v.length() > MAX_TEXT) {
            throw new InvalidAnswerException(field, "is " + v.length() + " characters; the limit is " + MAX_TEXT);
          }
          yield new Answer(q, null, v, null);
        }
        case CHOICE -> {
          if (!q.choices().contains(v)) throw new InvalidAnswerException(field, "must be one of " + q.choices() + ", got '" + v + "'");
          yield new Answer(q, null, null, v);
        }
      });
    }
    if (out.isEmpty()) throw new InvalidAnswerException("answers", "answer at least one question");
    return out;
  }

  private static int score(Question q, String v, String field) {
    var scale = q.type().scale().orElseThrow();
    int s;
    try {
      s = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new InvalidAnswerException(field, "must be a whole number " + scale.min() + "–" + scale.max() + ", got '" + v + "'");
    }
    if (!scale.accepts(s)) {
      throw new InvalidAnswerException(field, q.type().wireName() + " score must be " + scale.min() + "–" + scale.max() + ", got " + s);
    }
    return s;
  }
}
