package io.wayfinder.core.act.condition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code $operator: operand} pair, with whatever the operand compiles to (a nested test, a
 * regex, a padded version, the items of {@code $all}, case-folded for {@code $alli}) prepared
 * at parse time. A null {@code operator} is an unknown one,
 * which never matches (GrowthBook's rule; strict parsing rejects it instead).
 */
record OperatorTest(Operator operator, JsonNode operand, ValueTest nested, List<ValueTest> items,
                    Clause elementCondition, SafeRegex regex, String version) {

  boolean test(JsonNode actual, Map<String, JsonNode> savedGroups) {
    if (operator == null) {
      return false;
    }
    switch (operator) {
      case EQ: return JsValues.strictEquals(actual, operand);
      case NE: return !JsValues.strictEquals(actual, operand);
      case LT: return compares(actual, c -> c < 0);
      case LTE: return compares(actual, c -> c <= 0);
      case GT: return compares(actual, c -> c > 0);
      case GTE: return compares(actual, c -> c >= 0);
      case VEQ: return VersionString.padded(actual).compareTo(version) == 0;
      case VNE: return VersionString.padded(actual).compareTo(version) != 0;
      case VLT: return VersionString.padded(actual).compareTo(version) < 0;
      case VLTE: return VersionString.padded(actual).compareTo(version) <= 0;
      case VGT: return VersionString.padded(actual).compareTo(version) > 0;
      case VGTE: return VersionString.padded(actual).compareTo(version) >= 0;
      case EXISTS: return JsValues.truthy(operand) != actual.isNull();
      case IN: return operand.isArray() && isIn(actual, operand, false);
      case NIN: return operand.isArray() && !isIn(actual, operand, false);
      case INI: return operand.isArray() && isIn(actual, operand, true);
      case NINI: return operand.isArray() && !isIn(actual, operand, true);
      case ALL: return all(actual, savedGroups, false);
      case ALLI: return all(actual, savedGroups, true);
      case IN_GROUP: return isIn(actual, group(savedGroups), false);
      case NOT_IN_GROUP: return !isIn(actual, group(savedGroups), false);
      case NOT: return !nested.test(actual, savedGroups);
      case SIZE: return actual.isArray() && nested.test(IntNode.valueOf(actual.size()), savedGroups);
      case ELEM_MATCH: return elemMatch(actual, savedGroups);
      case REGEX:
      case REGEXI: return regex != null && regex.test(JsValues.toJsString(actual));
      case TYPE: return operand.isTextual() && JsValues.typeOf(actual).equals(operand.textValue());
      default: throw new AssertionError(operator);
    }
  }

  private interface IntPredicate {
    boolean holds(int c);
  }

  private boolean compares(JsonNode actual, IntPredicate p) {
    Integer c = JsValues.compare(actual, operand);
    return c != null && p.holds(c);
  }

  private JsonNode group(Map<String, JsonNode> savedGroups) {
    JsonNode g = operand.isTextual() ? savedGroups.get(operand.textValue()) : null;
    return g != null && g.isArray() ? g : JsonNodeFactory.instance.arrayNode();
  }

  /** {@code expected.includes(actual)}, or an intersection when the value is an array. */
  private static boolean isIn(JsonNode actual, JsonNode expected, boolean caseInsensitive) {
    if (actual.isArray()) {
      for (JsonNode a : actual) {
        if (contains(expected, a, caseInsensitive)) {
          return true;
        }
      }
      return false;
    }
    return contains(expected, actual, caseInsensitive);
  }

  private static boolean contains(JsonNode expected, JsonNode value, boolean caseInsensitive) {
    for (JsonNode e : expected) {
      if (caseInsensitive ? JsValues.strictEquals(fold(e), fold(value)) : JsValues.strictEquals(e, value)) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode fold(JsonNode v) {
    return v.isTextual() ? TextNode.valueOf(v.textValue().toLowerCase(Locale.ROOT)) : v;
  }

  /** Every expected item matches some element of the array value. */
  private boolean all(JsonNode actual, Map<String, JsonNode> savedGroups, boolean caseInsensitive) {
    if (!actual.isArray()) {
      return false;
    }
    for (ValueTest item : items) {
      boolean passed = false;
      for (JsonNode a : actual) {
        if (item.test(caseInsensitive ? fold(a) : a, savedGroups)) {
          passed = true;
          break;
        }
      }
      if (!passed) {
        return false;
      }
    }
    return true;
  }

  /** Some truthy element passes: an operator test on the element, or a condition on it as an object. */
  private boolean elemMatch(JsonNode actual, Map<String, JsonNode> savedGroups) {
    if (!actual.isArray()) {
      return false;
    }
    for (JsonNode a : actual) {
      if (JsValues.truthy(a) && (nested != null ? nested.test(a, savedGroups) : elementCondition.test(a, savedGroups))) {
        return true;
      }
    }
    return false;
  }
}
