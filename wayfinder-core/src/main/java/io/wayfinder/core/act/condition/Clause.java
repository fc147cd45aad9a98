package io.wayfinder.core.act.condition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;
import java.util.Map;

/** One key of a condition object: a logical operator or a test on the value at a path. */
sealed interface Clause {
  boolean test(JsonNode attributes, Map<String, JsonNode> savedGroups);

  /** A whole condition object: every clause must hold (an empty object always holds). */
  record All(List<Clause> clauses) implements Clause {
    @Override
    public boolean test(JsonNode attributes, Map<String, JsonNode> savedGroups) {
      for (Clause c : clauses) {
        if (!c.test(attributes, savedGroups)) {
          return false;
        }
      }
      return true;
    }
  }

  /** {@code $or}: an empty list holds, as in GrowthBook. */
  record Or(List<Clause> alternatives) implements Clause {
    @Override
    public boolean test(JsonNode attributes, Map<String, JsonNode> savedGroups) {
      if (alternatives.isEmpty()) {
        return true;
      }
      for (Clause c : alternatives) {
        if (c.test(attributes, savedGroups)) {
          return true;
        }
      }
      return false;
    }
  }

  /** {@code $not} and {@code $nor} (a negated {@code $or}). */
  record Not(Clause inner) implements Clause {
    @Override
    public boolean test(JsonNode attributes, Map<String, JsonNode> savedGroups) {
      return !inner.test(attributes, savedGroups);
    }
  }

  /** {@code "a.b.c": test}. */
  record Field(String path, List<String> parts, ValueTest valueTest) implements Clause {
    @Override
    public boolean test(JsonNode attributes, Map<String, JsonNode> savedGroups) {
      return valueTest.test(resolve(attributes), savedGroups);
    }

    /**
     * GrowthBook's {@code getPath}: descend while the current value is a non-empty container that
     * has the key (arrays take numeric indices); anything else yields null, like a missing value.
     */
    JsonNode resolve(JsonNode attributes) {
      JsonNode current = attributes;
      for (String part : parts) {
        JsonNode next = null;
        if (current != null && current.isObject()) {
          next = current.get(part);
        } else if (current != null && current.isArray() && part.matches("\\d{1,9}")) {
          next = current.get(Integer.parseInt(part));
        }
        if (next == null) {
          return NullNode.instance;
        }
        current = next;
      }
      return current;
    }
  }
}
