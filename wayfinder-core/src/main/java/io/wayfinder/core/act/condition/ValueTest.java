package io.wayfinder.core.act.condition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** GrowthBook's {@code evalConditionValue}: how one attribute value is tested. */
sealed interface ValueTest {
  boolean test(JsonNode actual, Map<String, JsonNode> savedGroups);

  /** {@code "a": "x"} matches when the value's JavaScript string form is "x" (so 10 matches "10"). */
  record StringEquals(String expected) implements ValueTest {
    @Override
    public boolean test(JsonNode actual, Map<String, JsonNode> savedGroups) {
      return JsValues.toJsString(actual).equals(expected);
    }
  }

  /** {@code "a": 10} matches when the value's JavaScript number form is 10 (so "10" matches). */
  record NumberEquals(double expected) implements ValueTest {
    @Override
    public boolean test(JsonNode actual, Map<String, JsonNode> savedGroups) {
      return JsValues.toNumber(actual) == expected;
    }
  }

  /** {@code "a": true} matches a present, truthy value. */
  record BooleanEquals(boolean expected) implements ValueTest {
    @Override
    public boolean test(JsonNode actual, Map<String, JsonNode> savedGroups) {
      return !actual.isNull() && JsValues.truthy(actual) == expected;
    }
  }

  /** {@code "a": null} matches null or missing. */
  record IsNull() implements ValueTest {
    @Override
    public boolean test(JsonNode actual, Map<String, JsonNode> savedGroups) {
      return actual.isNull();
    }
  }

  /** An array or a plain object: the value must be the same JSON, key order included. */
  record SameJson(JsonNode expected) implements ValueTest {
    @Override
    public boolean test(JsonNode actual, Map<String, JsonNode> savedGroups) {
      return JsValues.sameJson(actual, expected);
    }
  }

  /** An object whose keys are all operators: every operator must hold. */
  record Operators(List<OperatorTest> operators) implements ValueTest {
    @Override
    public boolean test(JsonNode actual, Map<String, JsonNode> savedGroups) {
      for (OperatorTest op : operators) {
        if (!op.test(actual, savedGroups)) {
          return false;
        }
      }
      return true;
    }
  }
}
