package io.wayfinder.core.act.condition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.core.act.GrowthBookCases;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every evalCondition case of GrowthBook's SDK suite: [name, condition, attributes, expected, savedGroups?]. */
class GrowthBookEvalConditionTest {
  private static final JsonNode CASES = GrowthBookCases.section("evalCondition");

  @TestFactory
  Stream<DynamicTest> everyEvalConditionCaseOfTheGrowthBookSuitePasses() {
    return StreamSupport.stream(CASES.spliterator(), false).map(c -> DynamicTest.dynamicTest(c.get(0).asText(), () -> {
      Map<String, JsonNode> groups = new HashMap<>();
      if (c.size() > 4) {
        c.get(4).properties().forEach(e -> groups.put(e.getKey(), e.getValue()));
      }
      Condition condition = Condition.parse(c.get(1));
      assertThat(condition.matches(c.get(2), groups)).as("%s", c).isEqualTo(c.get(3).asBoolean());
    }));
  }

  @Test
  void theSuiteIsTheFullOne() {
    // spec 0.8.0 has 248 cases; a truncated file must not pass silently
    assertThat(CASES.size()).isGreaterThanOrEqualTo(248);
  }
}
