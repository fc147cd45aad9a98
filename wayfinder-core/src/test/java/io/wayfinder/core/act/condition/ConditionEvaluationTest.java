package io.wayfinder.core.act.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ConditionEvaluationTest {

  @Test
  void attributesGivenAsJavaMapsMatchLikeJson() {
    Condition c = Condition.parse("{\"profile.age\":{\"$gte\":18},\"items\":{\"$size\":{\"$gt\":1}},\"items.0\":\"shoe\"}");
    assertThat(c.matches(Map.of("profile", Map.of("age", 18), "items", List.of("shoe", "sock")))).isTrue();
    assertThat(c.matches(Map.of("profile", Map.of("age", 17), "items", List.of("shoe", "sock")))).isFalse();
    assertThat(c.matches(Map.of("profile", Map.of("age", 18), "items", List.of("sock", "shoe")))).isFalse();
  }

  @Test
  void oneParsedConditionEvaluatesManyAttributeSetsIndependently() {
    Condition c = Condition.parse("{\"email\":{\"$regexi\":\"@EXAMPLE\\\\.com$\"}}");
    assertThat(c.matches(Map.of("email", "a@example.com"))).isTrue();
    assertThat(c.matches(Map.of("email", "a@example.org"))).isFalse();
    assertThat(c.matches(Map.of("email", "B@Example.COM"))).isTrue();
  }

  @Test
  @Timeout(10)
  void aCatastrophicRegexGivesUpAsNoMatchInsteadOfHanging() {
    // (a+)+$ on "aaa…ab" backtracks 2^n times; unguarded this takes longer than the universe
    Condition c = Condition.parse("{\"name\":{\"$regex\":\"^(a+)+$\"}}");
    assertThat(c.matches(Map.of("name", "a".repeat(60) + "b"))).isFalse();
    assertThat(c.matches(Map.of("name", "a".repeat(60)))).isTrue();
  }

  @Test
  void aConditionThatIsNotAnObjectMatchesNobody() {
    assertThat(Condition.parse("\"gold\"").matches(Map.of("plan", "gold"))).isFalse();
    assertThat(Condition.parse("[]").matches(Map.of())).isFalse();
    assertThat(Condition.parse("{}").matches(Map.of())).as("the empty object matches everybody").isTrue();
  }

  @Test
  void nullAttributesAreAnEmptyProfile() {
    assertThat(Condition.parse("{\"x\":{\"$exists\":false}}").matches((com.fasterxml.jackson.databind.JsonNode) null)).isTrue();
  }
}
