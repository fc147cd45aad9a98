package io.wayfinder.core.voc.survey;

import io.wayfinder.core.voc.kpi.ScoreScale;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of survey question: the three KPI ratings (NPS 0–10, CSAT 1–5, CES 1–7), free text and
 * a single choice among listed options.
 */
public enum QuestionType {
  NPS(ScoreScale.NPS),
  CSAT(ScoreScale.CSAT),
  CES(ScoreScale.CES),
  TEXT(null),
  CHOICE(null);

  private final ScoreScale scale;

  QuestionType(ScoreScale scale) {
    this.scale = scale;
  }

  /** The KPI scale of a rating question; empty for text and choice. */
  public Optional<ScoreScale> scale() {
    return Optional.ofNullable(scale);
  }

  /** The lower-case name used in JSON and in {@code Survey Response} events ({@code nps}, …). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static QuestionType parse(String s) {
    for (QuestionType t : values()) if (t.wireName().equalsIgnoreCase(s)) return t;
    throw new IllegalArgumentException("question type must be one of nps, csat, ces, text, choice; got '" + s + "'");
  }
}
