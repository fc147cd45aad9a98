package io.wayfinder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.core.eventlog.EventLogException;
import java.util.function.UnaryOperator;

/**
 * A problem+json answer of the server. A 400 reads as its detail alone, the line the command
 * prints when it works on the data directory itself; other statuses say the server answered them.
 */
final class RemoteProblem extends RuntimeException {
  private final int status;
  private final String detail;
  private final JsonNode errors;

  RemoteProblem(int status, String detail, JsonNode errors) {
    super(status == 400 ? detail : "server answered " + status + ": " + detail);
    this.status = status;
    this.detail = detail;
    this.errors = errors;
  }

  /**
   * This answer as the command fails when it reads {@code file} itself: a file error (one entry in
   * {@code errors}, whose index is the line) about the path the user gave, since the server only
   * knew its name; otherwise a 400's detail. {@code reword} puts the server's words into the command's.
   */
  RuntimeException asLocal(String file, UnaryOperator<String> reword) {
    if (status != 400) return this;
    JsonNode e = errors != null && errors.isArray() && errors.size() == 1 ? errors.get(0) : null;
    if (e == null || e.path("index").asLong(-1) < 0) return new CliException(reword.apply(detail));
    String field = e.path("field").isTextual() ? e.get("field").asText() : null;
    return new EventLogException(file, e.get("index").asLong(), field, reword.apply(e.path("detail").asText()));
  }
}
