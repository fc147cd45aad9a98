package io.wayfinder.core.collect;

import java.util.List;

/**
 * Input that cannot be collected. Carries the HTTP-style status a caller should answer with
 * (400 bad request, 413 too large) and the violations; nothing of the payload is stored.
 */
public final class InvalidMessageException extends RuntimeException {
  private final int status;
  private final List<Violation> violations;

  public InvalidMessageException(int status, String title, List<Violation> violations) {
    super(title);
    this.status = status;
    this.violations = List.copyOf(violations);
  }

  public InvalidMessageException(int status, Violation v) {
    this(status, v.describe(), List.of(v));
  }

  public int status() { return status; }
  public List<Violation> violations() { return violations; }
}
