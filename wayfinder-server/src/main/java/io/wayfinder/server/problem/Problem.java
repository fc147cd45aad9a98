package io.wayfinder.server.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.wayfinder.core.collect.Violation;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every 4xx and 5xx answer
 * ({@code application/problem+json}). {@code errors} lists the fields at fault.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> errors) {
  public static final String CONTENT_TYPE = "application/problem+json";

  public static Problem of(int status, String title, String detail) {
    return new Problem("about:blank", title, status, detail, null, null);
  }
}
