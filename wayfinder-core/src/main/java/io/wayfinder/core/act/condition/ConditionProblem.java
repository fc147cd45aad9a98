package io.wayfinder.core.act.condition;

/**
 * Why a condition is rejected.
 *
 * @param pointer where in the condition, as a JSON Pointer (RFC 6901), e.g. {@code /$and/1/age/$gt}
 * @param message what is wrong there, in words a flow author understands
 */
public record ConditionProblem(String pointer, String message) {
  @Override
  public String toString() {
    return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
  }
}
