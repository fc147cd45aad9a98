package io.wayfinder.core.act.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.wayfinder.core.act.ProjectDocs;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/flows.md stays true: its example validates and every node type has a row. */
class FlowDocsTest {

  @Test
  void theDocumentedExampleIsAValidFlowWithEveryNodeType() {
    Matcher m = Pattern.compile("```json\\n(\\{\\n  \"id\": \"order-care\".*?)```", Pattern.DOTALL).matcher(ProjectDocs.read("flows.md"));
    assertThat(m.find()).as("the example flow in docs/flows.md").isTrue();
    FlowDefinition flow = FlowReader.readJson(m.group(1), FlowExamples.CATALOGUE);
    assertThat(flow.nodes()).hasSize(FlowReader.NODE_TYPES.size());
    assertThat(flow).as("the same flow as the test resource")
        .isEqualTo(FlowReader.readJson(FlowExamples.orderCareText(), FlowExamples.CATALOGUE));
  }

  @Test
  void everyNodeTypeHasARowInTheNodeReference() {
    String doc = ProjectDocs.read("flows.md");
    for (String type : FlowReader.NODE_TYPES) {
      assertThat(doc).as(type).contains("| `" + type + "` |");
    }
  }
}
