package io.wayfinder.core.act.condition;

import static org.assertj.core.api.Assertions.assertThat;

import io.wayfinder.core.act.ProjectDocs;
import org.junit.jupiter.api.Test;

/** The condition language reference in docs/flows.md names every operator the evaluator knows. */
class ConditionDocsTest {

  @Test
  void everyOperatorIsDocumented() {
    String text = ProjectDocs.read("flows.md");
    for (Operator op : Operator.values()) {
      assertThat(text).as(op.key).contains("`" + op.key + "`");
    }
    for (String logical : new String[] {"$and", "$or", "$nor", "$not"}) {
      assertThat(text).contains("| `" + logical + "` |");
    }
  }
}
