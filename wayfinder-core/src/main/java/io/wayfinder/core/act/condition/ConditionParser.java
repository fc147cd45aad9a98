package io.wayfinder.core.act.condition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * Builds the evaluation tree of a condition and, on the way, records everything strict parsing
 * rejects. The tree always follows GrowthBook's lenient rules (an unknown operator never matches,
 * a non-array {@code $in} never matches), so lenient and strict parsing evaluate alike.
 */
final class ConditionParser {
  private static final Set<String> TYPE_NAMES = Set.of("string", "number", "boolean", "object", "array", "null");

  private final Set<String> knownAttributes; // null: names are not checked
  private final List<ConditionProblem> problems = new ArrayList<>();

  ConditionParser(Set<String> knownAttributes) {
    this.knownAttributes = knownAttributes;
  }

  List<ConditionProblem> problems() {
    return problems;
  }

  /** A condition object; {@code topLevel} paths name attributes, nested ones name element fields. */
  Clause.All object(JsonNode cond, String at, boolean topLevel) {
    List<Clause> clauses = new ArrayList<>();
    if (!cond.isObject()) {
      problem(at, "a condition must be a JSON object, not " + JsValues.typeOf(cond));
      return new Clause.All(clauses);
    }
    for (Map.Entry<String, JsonNode> e : cond.properties()) {
      String key = e.getKey();
      String here = at + "/" + escape(key);
      switch (key) {
        case "$or": clauses.add(new Clause.Or(list(e.getValue(), here, topLevel, true))); break;
        case "$nor": clauses.add(new Clause.Not(new Clause.Or(list(e.getValue(), here, topLevel, true)))); break;
        case "$and": clauses.add(new Clause.All(list(e.getValue(), here, topLevel, false))); break;
        case "$not": clauses.add(new Clause.Not(object(e.getValue(), here, topLevel))); break;
        default:
          if (topLevel) {
            checkName(key, here);
          }
          clauses.add(new Clause.Field(key, List.of(key.split("\\.", -1)), value(e.getValue(), here)));
      }
    }
    return new Clause.All(clauses);
  }

  /** The operand of $or/$nor/$and. GrowthBook treats a non-array as an empty list. */
  private List<Clause> list(JsonNode v, String at, boolean topLevel, boolean emptyOrHolds) {
    List<Clause> out = new ArrayList<>();
    if (!v.isArray()) {
      problem(at, "expects an array of conditions, not " + JsValues.typeOf(v));
      // JavaScript: `!conditions.length` is true for a non-array, so $or holds and $nor fails.
      return out;
    }
    for (int i = 0; i < v.size(); i++) {
      out.add(object(v.get(i), at + "/" + i, topLevel));
    }
    return out;
  }

  /** GrowthBook's {@code evalConditionValue} operand. */
  ValueTest value(JsonNode v, String at) {
    if (v.isTextual()) {
      return new ValueTest.StringEquals(v.textValue());
    }
    if (v.isNumber()) {
      return new ValueTest.NumberEquals(v.doubleValue());
    }
    if (v.isBoolean()) {
      return new ValueTest.BooleanEquals(v.booleanValue());
    }
    if (v.isNull()) {
      return new ValueTest.IsNull();
    }
    if (v.isObject() && v.size() > 0) {
      int operators = 0;
      for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
        operators += it.next().startsWith("$") ? 1 : 0;
      }
      if (operators == v.size()) {
        List<OperatorTest> ops = new ArrayList<>();
        v.properties().forEach(e -> ops.add(operator(e.getKey(), e.getValue(), at + "/" + escape(e.getKey()))));
        return new ValueTest.Operators(ops);
      }
      if (operators > 0) {
        problem(at, "mixes operators ($…) and literal keys; GrowthBook would compare it as a literal object");
      }
    }
    return new ValueTest.SameJson(v);
  }

  private OperatorTest operator(String key, JsonNode operand, String at) {
    Operator op = Operator.byKey(key).orElse(null);
    if (op == null) {
      problem(at, "unknown operator " + key + " (known: " + Operator.keys() + ")");
      return new OperatorTest(null, operand, null, null, null, null, null);
    }
    ValueTest nested = null;
    List<ValueTest> items = null;
    Clause elementCondition = null;
    SafeRegex regex = null;
    String version = null;
    switch (op.operand) {
      case SCALAR: expect(operand.isValueNode() || operand.isNull(), op, at); break;
      case STRING_OR_NUMBER: expect(operand.isTextual() || operand.isNumber(), op, at); break;
      case VERSION:
        expect(operand.isTextual() || operand.isNumber(), op, at);
        version = VersionString.padded(operand);
        break;
      case BOOLEAN: expect(operand.isBoolean(), op, at); break;
      case GROUP: expect(operand.isTextual(), op, at); break;
      case TYPE_NAME: expect(operand.isTextual() && TYPE_NAMES.contains(operand.textValue()), op, at); break;
      case ARRAY:
        expect(operand.isArray(), op, at);
        items = new ArrayList<>();
        if (operand.isArray() && (op == Operator.ALL || op == Operator.ALLI)) { // each item is a value test
          for (int i = 0; i < operand.size(); i++) {
            JsonNode item = operand.get(i);
            boolean fold = op == Operator.ALLI && item.isTextual();
            items.add(value(fold ? TextNode.valueOf(item.textValue().toLowerCase(Locale.ROOT)) : item, at + "/" + i));
          }
        }
        break;
      case VALUE_CONDITION: nested = value(operand, at); break;
      case LENGTH:
        expect(operand.isNumber() || isOperatorObject(operand), op, at);
        nested = value(operand, at);
        break;
      case ELEMENT_CONDITION:
        expect(operand.isObject(), op, at);
        if (isOperatorObject(operand)) {
          nested = value(operand, at);
        } else {
          elementCondition = object(operand, at, false);
        }
        break;
      case REGEX:
        expect(operand.isTextual(), op, at);
        try {
          regex = SafeRegex.compile(JsValues.toJsString(operand), op == Operator.REGEXI);
        } catch (PatternSyntaxException e) {
          problem(at, "invalid regular expression: " + e.getDescription());
        }
        break;
      default: throw new AssertionError(op.operand);
    }
    return new OperatorTest(op, operand, nested, items, elementCondition, regex, version);
  }

  private static boolean isOperatorObject(JsonNode v) {
    if (!v.isObject() || v.size() == 0) {
      return false;
    }
    for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
      if (!it.next().startsWith("$")) {
        return false;
      }
    }
    return true;
  }

  private void expect(boolean ok, Operator op, String at) {
    if (!ok) {
      problem(at, op.key + " expects " + op.operand.description);
    }
  }

  /** A path is known when it, or an object above it ("address" for "address.city"), is. */
  private void checkName(String path, String at) {
    if (knownAttributes == null) {
      return;
    }
    for (String p = path; ; p = p.substring(0, p.lastIndexOf('.'))) {
      if (knownAttributes.contains(p)) {
        return;
      }
      if (p.indexOf('.') < 0) {
        break;
      }
    }
    problem(at, "unknown event or trait name \"" + path + "\"");
  }

  private void problem(String at, String message) {
    problems.add(new ConditionProblem(at, message));
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
