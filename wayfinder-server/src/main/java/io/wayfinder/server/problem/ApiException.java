package io.wayfinder.server.problem;

/** A request the API refuses, with its HTTP status; answered as problem+json. */
public final class ApiException extends RuntimeException {
  private final int status;

  public ApiException(int status, String detail) {
    super(detail);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public static ApiException notFound(String what) {
    return new ApiException(404, what + " not found");
  }

  public static ApiException unauthorized(String detail) {
    return new ApiException(401, detail);
  }
}
