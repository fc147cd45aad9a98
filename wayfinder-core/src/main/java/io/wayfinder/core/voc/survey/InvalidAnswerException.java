package io.wayfinder.core.voc.survey;

/** A submission that does not fit its survey; names the field at fault (e.g. {@code answers.nps}). */
public final class InvalidAnswerException extends IllegalArgumentException {
  private final String field;

  public InvalidAnswerException(String field, String detail) {
    super(field + ": " + detail);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
