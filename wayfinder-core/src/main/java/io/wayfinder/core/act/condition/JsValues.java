package io.wayfinder.core.act.condition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;

/**
 * JavaScript value semantics on Jackson nodes. GrowthBook's condition language is specified by
 * its JavaScript SDK, whose operators lean on JavaScript coercion ({@code "8" > 5}, {@code null
 * < 10}, {@code value + "" === "10"}); reproducing those rules here is what makes every SDK case
 * pass. A missing attribute is represented as a JSON null, as GrowthBook's {@code getPath} does.
 */
final class JsValues {
  private JsValues() {}

  /** JavaScript truthiness ({@code !!value}). */
  static boolean truthy(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return false;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isNumber()) {
      double d = v.doubleValue();
      return d != 0 && !Double.isNaN(d);
    }
    if (v.isTextual()) {
      return !v.textValue().isEmpty();
    }
    return true; // arrays and objects, even empty ones
  }

  /** JavaScript {@code Number(value)}; NaN where JavaScript gives NaN. */
  static double toNumber(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return 0;
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue() ? 1 : 0;
    }
    if (v.isTextual()) {
      return stringToNumber(v.textValue());
    }
    if (v.isArray()) {
      return stringToNumber(toJsString(v)); // ToPrimitive of an array is its joined string
    }
    return Double.NaN;
  }

  private static double stringToNumber(String s) {
    String t = s.strip();
    if (t.isEmpty()) {
      return 0;
    }
    try {
      if (t.startsWith("0x") || t.startsWith("0X")) {
        return Long.parseLong(t.substring(2), 16);
      }
      // Java accepts forms JavaScript does not ("1d", "1f", "NaN"); reject them first.
      if (!t.matches("[+-]?(Infinity|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)")) {
        return Double.NaN;
      }
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** JavaScript {@code String(value)} ({@code value + ""}). */
  static String toJsString(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "null";
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isBoolean()) {
      return Boolean.toString(v.booleanValue());
    }
    if (v.isNumber()) {
      return numberToString(v.doubleValue());
    }
    if (v.isArray()) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < v.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        JsonNode e = v.get(i);
        if (!e.isNull()) { // [null].join() gives ""
          sb.append(toJsString(e));
        }
      }
      return sb.toString();
    }
    return "[object Object]";
  }

  static String numberToString(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e21) {
      return Long.toString((long) d);
    }
    return Double.toString(d).replace("E", "e+").replace("e+-", "e-");
  }

  /**
   * JavaScript's abstract relational comparison: two strings compare by UTF-16 code units,
   * anything else compares as numbers. Returns null where JavaScript answers false to every
   * comparison (a NaN operand).
   */
  static Integer compare(JsonNode a, JsonNode b) {
    JsonNode pa = toPrimitive(a);
    JsonNode pb = toPrimitive(b);
    if (pa.isTextual() && pb.isTextual()) {
      return Integer.signum(pa.textValue().compareTo(pb.textValue()));
    }
    double x = toNumber(pa);
    double y = toNumber(pb);
    if (Double.isNaN(x) || Double.isNaN(y)) {
      return null;
    }
    return Double.compare(x == 0 ? 0.0 : x, y == 0 ? 0.0 : y); // -0 == 0 in JavaScript
  }

  private static JsonNode toPrimitive(JsonNode v) {
    if (v.isArray() || v.isObject()) {
      return TextNode.valueOf(toJsString(v));
    }
    return v;
  }

  /** JavaScript {@code ===}: arrays and objects are never strictly equal to a literal. */
  static boolean strictEquals(JsonNode a, JsonNode b) {
    if (a.isNull() || b.isNull()) {
      return a.isNull() && b.isNull();
    }
    if (a.isNumber() && b.isNumber()) {
      return a.doubleValue() == b.doubleValue();
    }
    if (a.isTextual() && b.isTextual()) {
      return a.textValue().equals(b.textValue());
    }
    if (a.isBoolean() && b.isBoolean()) {
      return a.booleanValue() == b.booleanValue();
    }
    return false;
  }

  /**
   * {@code JSON.stringify(a) === JSON.stringify(b)}: structural, key order matters, numbers
   * compare by value (JSON.stringify writes 10.0 as 10).
   */
  static boolean sameJson(JsonNode a, JsonNode b) {
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!sameJson(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      Iterator<Map.Entry<String, JsonNode>> ia = a.properties().iterator();
      Iterator<Map.Entry<String, JsonNode>> ib = b.properties().iterator();
      while (ia.hasNext()) {
        Map.Entry<String, JsonNode> ea = ia.next();
        Map.Entry<String, JsonNode> eb = ib.next();
        if (!ea.getKey().equals(eb.getKey()) || !sameJson(ea.getValue(), eb.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (a.isContainerNode() || b.isContainerNode()) {
      return false;
    }
    return strictEquals(a, b);
  }

  /** GrowthBook's {@code getType}. */
  static String typeOf(JsonNode v) {
    if (v.isNull() || v.isMissingNode()) {
      return "null";
    }
    if (v.isArray()) {
      return "array";
    }
    if (v.isObject()) {
      return "object";
    }
    if (v.isTextual()) {
      return "string";
    }
    if (v.isNumber()) {
      return "number";
    }
    if (v.isBoolean()) {
      return "boolean";
    }
    return "unknown";
  }
}
