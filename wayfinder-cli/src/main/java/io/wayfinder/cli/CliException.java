package io.wayfinder.cli;

/** A failure the user can act on; printed as one line without a stack trace. */
public final class CliException extends RuntimeException {
  public CliException(String message) {
    super(message);
  }

  public CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
