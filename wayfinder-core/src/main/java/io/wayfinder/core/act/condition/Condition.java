package io.wayfinder.core.act.condition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed targeting condition in GrowthBook's MongoDB-style JSON condition language, the one
 * condition language of Wayfinder (flow triggers and branches, later decisioning and experiments).
 *
 * <p>Parse once, evaluate many times: regexes are compiled and versions padded at parse time, and
 * a {@code Condition} is immutable and thread-safe. Evaluation follows the GrowthBook SDKs exactly
 * (it passes every {@code evalCondition} case of the SDK test suite), including their lenient
 * rules: an unknown operator or an invalid regex simply does not match. Use {@link #parseStrict}
 * or {@link #check} for conditions written by people, to reject those mistakes with the place in
 * the condition where they are.
 */
public final class Condition {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final Clause NEVER = new Clause.Not(new Clause.All(List.of()));

  private final JsonNode source;
  private final Clause root;

  private Condition(JsonNode source, Clause root) {
    this.source = source;
    this.root = root;
  }

  /**
   * GrowthBook's lenient parse: never fails; whatever is malformed does not match. Also how a
   * condition inside a flow definition is read; the flow validator then checks it strictly.
   */
  @com.fasterxml.jackson.annotation.JsonCreator
  public static Condition parse(JsonNode condition) {
    Clause root = new ConditionParser(null).object(condition, "", true);
    // GrowthBook's SDKs throw on a condition that is not an object; matching nobody is the safe reading
    return new Condition(condition, condition != null && condition.isObject() ? root : new Clause.Or(List.of(NEVER)));
  }

  /** {@link #parse(JsonNode)} of JSON text. */
  public static Condition parse(String json) {
    try {
      return parse(JSON.readTree(json));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidConditionException(List.of(new ConditionProblem("", "not JSON: " + e.getOriginalMessage())));
    }
  }

  /**
   * Parses and rejects unknown operators, operands of the wrong type, invalid regexes, and, when
   * {@code knownAttributes} is not null, paths whose name (or an object above it) is not there.
   *
   * @throws InvalidConditionException naming every problem by its JSON Pointer in the condition
   */
  public static Condition parseStrict(JsonNode condition, Set<String> knownAttributes) {
    ConditionParser parser = new ConditionParser(knownAttributes);
    Clause root = parser.object(condition, "", true);
    if (!parser.problems().isEmpty()) {
      throw new InvalidConditionException(parser.problems());
    }
    return new Condition(condition, root);
  }

  /** The problems {@link #parseStrict} would reject, empty for a valid condition. */
  public static List<ConditionProblem> check(JsonNode condition, Set<String> knownAttributes) {
    ConditionParser parser = new ConditionParser(knownAttributes);
    parser.object(condition, "", true);
    return List.copyOf(parser.problems());
  }

  /** Whether the attributes (a JSON object; nested objects are reached with "a.b.c") match. */
  public boolean matches(JsonNode attributes) {
    return matches(attributes, Map.of());
  }

  /**
   * As {@link #matches(JsonNode)}, with GrowthBook's saved groups for {@code $inGroup} and
   * {@code $notInGroup}: group id to a JSON array of member values.
   */
  public boolean matches(JsonNode attributes, Map<String, JsonNode> savedGroups) {
    return root.test(attributes == null ? JSON.nullNode() : attributes, savedGroups);
  }

  /** Attributes as plain Java values (maps, lists, strings, numbers, booleans, null). */
  public boolean matches(Map<String, ?> attributes) {
    return matches(JSON.valueToTree(attributes), Map.of());
  }

  /** The condition as written (and as it is written back to JSON). */
  @com.fasterxml.jackson.annotation.JsonValue
  public JsonNode source() {
    return source.deepCopy();
  }

  /** Conditions are equal when written alike (key order included, as it is in GrowthBook). */
  @Override
  public boolean equals(Object o) {
    return o instanceof Condition c && JsValues.sameJson(source, c.source);
  }

  @Override
  public int hashCode() {
    return source.size(); // coarse, but 10 and 10.0 are equal conditions with different node hashes
  }

  @Override
  public String toString() {
    return source.toString();
  }
}
