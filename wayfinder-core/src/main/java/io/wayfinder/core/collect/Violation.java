package io.wayfinder.core.collect;

/**
 * One reason a message was rejected.
 *
 * @param index position of the message in its batch (0 for a single message, -1 for the whole payload)
 * @param field the JSON field (dotted path) at fault, or null
 * @param detail what was expected
 */
public record Violation(int index, String field, String detail) {
  /** {@code field: detail}, or the detail alone when no field is at fault: the problem's one-line summary. */
  public String describe() {
    return field == null ? detail : field + ": " + detail;
  }
}
