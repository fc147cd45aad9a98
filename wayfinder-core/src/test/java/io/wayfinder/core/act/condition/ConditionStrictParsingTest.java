package io.wayfinder.core.act.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConditionStrictParsingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> KNOWN = Set.of("age", "country", "address", "tags", "plan");

  private static JsonNode json(String s) throws Exception {
    return JSON.readTree(s);
  }

  private static List<ConditionProblem> problems(String condition) throws Exception {
    return Condition.check(json(condition), KNOWN);
  }

  @Test
  void aValidConditionHasNoProblemsAndParsesStrictly() throws Exception {
    String c = "{\"$and\":[{\"age\":{\"$gte\":18}},{\"address.city\":{\"$regex\":\"^Par\"}}],"
        + "\"tags\":{\"$elemMatch\":{\"name\":\"vip\"}},\"plan\":{\"$in\":[\"gold\",\"silver\"]}}";
    assertThat(problems(c)).isEmpty();
    assertThat(Condition.parseStrict(json(c), KNOWN).matches(json(
        "{\"age\":30,\"address\":{\"city\":\"Paris\"},\"tags\":[{\"name\":\"vip\"}],\"plan\":\"gold\"}"))).isTrue();
  }

  @Test
  void anUnknownOperatorIsNamedWithItsPlace() throws Exception {
    assertThat(problems("{\"$or\":[{\"age\":1},{\"age\":{\"$regx\":\"1\"}}]}"))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.pointer()).isEqualTo("/$or/1/age/$regx");
          assertThat(p.message()).contains("unknown operator $regx");
        });
  }

  @Test
  void anOperandOfTheWrongTypeIsRejected() throws Exception {
    assertThat(problems("{\"age\":{\"$in\":1,\"$exists\":\"yes\",\"$gt\":[1],\"$type\":\"int\"},\"tags\":{\"$size\":\"3\"}}"))
        .extracting(ConditionProblem::pointer)
        .containsExactly("/age/$in", "/age/$exists", "/age/$gt", "/age/$type", "/tags/$size");
    assertThat(problems("{\"$and\":{\"age\":1}}")).extracting(ConditionProblem::toString)
        .containsExactly("/$and: expects an array of conditions, not object");
    assertThat(problems("[1]")).extracting(ConditionProblem::message)
        .containsExactly("a condition must be a JSON object, not array");
  }

  @Test
  void anInvalidRegexIsRejected() throws Exception {
    assertThat(problems("{\"country\":{\"$regex\":\"/???***[)\"}}"))
        .singleElement().satisfies(p -> {
          assertThat(p.pointer()).isEqualTo("/country/$regex");
          assertThat(p.message()).startsWith("invalid regular expression");
        });
  }

  @Test
  void mixingOperatorsAndLiteralKeysIsRejected() throws Exception {
    assertThat(problems("{\"address\":{\"$exists\":true,\"city\":\"Paris\"}}"))
        .extracting(ConditionProblem::pointer).containsExactly("/address");
  }

  @Test
  void anUnknownAttributeNameIsRejectedButFieldsBelowAKnownObjectAndInsideElemMatchAreNot() throws Exception {
    assertThat(problems("{\"$not\":{\"agee\":{\"$gt\":1}},\"address.zip\":\"75001\",\"tags\":{\"$elemMatch\":{\"anything\":1}}}"))
        .singleElement().satisfies(p -> {
          assertThat(p.pointer()).isEqualTo("/$not/agee");
          assertThat(p.message()).isEqualTo("unknown event or trait name \"agee\"");
        });
    assertThat(Condition.check(json("{\"agee\":1}"), null)).as("no catalogue, no name check").isEmpty();
  }

  @Test
  void parseStrictThrowsWithEveryProblem() throws Exception {
    assertThatThrownBy(() -> Condition.parseStrict(json("{\"agee\":1,\"age\":{\"$foo\":1}}"), KNOWN))
        .isInstanceOf(InvalidConditionException.class)
        .satisfies(e -> assertThat(((InvalidConditionException) e).problems())
            .extracting(ConditionProblem::pointer).containsExactly("/agee", "/age/$foo"))
        .hasMessageContaining("/agee: unknown event or trait name");
  }

  @Test
  void aSlashInAnAttributeNameIsEscapedInThePointer() throws Exception {
    assertThat(Condition.check(json("{\"a/b\":{\"$nope\":1}}"), null))
        .extracting(ConditionProblem::pointer).containsExactly("/a~1b/$nope");
  }
}
