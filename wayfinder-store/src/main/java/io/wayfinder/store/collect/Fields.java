package io.wayfinder.store.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wayfinder.core.collect.InvalidMessageException;
import io.wayfinder.core.collect.Violation;
import java.time.Instant;

/** Typed, validated access to the top-level fields of one message. */
final class Fields {
  private final ObjectNode m;
  private final int index;

  Fields(ObjectNode m, int index) {
    this.m = m;
    this.index = index;
  }

  InvalidMessageException bad(String field, String detail) {
    return new InvalidMessageException(400, new Violation(index, field, detail));
  }

  String string(String field, boolean required) {
    JsonNode n = m.get(field);
    if (n == null || n.isNull()) {
      if (required) throw bad(field, "is required");
      return null;
    }
    if (!n.isTextual()) throw bad(field, "must be a string, got " + n.getNodeType().name().toLowerCase());
    storable(field, n.asText());
    if (required && n.asText().isBlank()) throw bad(field, "must not be empty");
    if (n.asText().length() > SegmentMessages.MAX_ID_LENGTH * 4) throw bad(field, "is longer than " + SegmentMessages.MAX_ID_LENGTH * 4 + " characters");
    return n.asText();
  }

  /** An identifier: a string or a number (Segment allows numeric ids); blank means absent. */
  String id(String field) {
    JsonNode n = m.get(field);
    if (n == null || n.isNull()) return null;
    if (!n.isTextual() && !n.isIntegralNumber()) {
      throw bad(field, "must be a string or an integer, got " + n.getNodeType().name().toLowerCase());
    }
    String s = storable(field, n.asText());
    if (s.length() > SegmentMessages.MAX_ID_LENGTH) throw bad(field, "is longer than " + SegmentMessages.MAX_ID_LENGTH + " characters");
    return s.isBlank() ? null : s;
  }

  /** {@code text}, if it can be stored as UTF-8; checked before it is quoted in any other message. */
  String storable(String field, String text) {
    String problem = Unicode.problem(text);
    if (problem != null) throw bad(field, problem);
    return text;
  }

  ObjectNode object(String field) {
    JsonNode n = m.get(field);
    if (n == null || n.isNull()) return null;
    if (!(n instanceof ObjectNode o)) throw bad(field, "must be an object, got " + n.getNodeType().name().toLowerCase());
    return o;
  }

  Instant timestamp(String field) {
    JsonNode n = m.get(field);
    if (n == null || n.isNull()) return null;
    return Timestamps.parse(n, field, index);
  }
}
