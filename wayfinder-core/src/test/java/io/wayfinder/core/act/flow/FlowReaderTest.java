package io.wayfinder.core.act.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FlowReaderTest {

  @Test
  void theExampleWithEveryNodeTypeReadsAndValidates() {
    FlowDefinition flow = FlowReader.readJson(FlowExamples.orderCareText(), FlowExamples.CATALOGUE);
    assertThat(flow.id()).isEqualTo("order-care");
    assertThat(flow.nodes()).hasSize(18);
    assertThat(flow.nodes().stream().map(n -> n.getClass().getSimpleName()).collect(Collectors.toSet()))
        .as("one node of each of the %s types", FlowReader.NODE_TYPES.size())
        .hasSize(FlowReader.NODE_TYPES.size());
    Map<String, FlowNode> byId = flow.nodes().stream().collect(Collectors.toMap(FlowNode::id, n -> n));
    Wait.UntilEvent shipped = (Wait.UntilEvent) byId.get("w-ship");
    assertThat(shipped.timeout()).isEqualTo(Duration.ofDays(3));
    assertThat(shipped.edges()).containsExactly(Map.entry("next", "b-value"), Map.entry("timeoutNext", "w-morning"));
    assertThat(((Wait.UntilTimeOfDay) byId.get("w-morning")).time()).isEqualTo(LocalTime.of(9, 0));
    assertThat(((Trigger.OnEvent) byId.get("t-order")).where().matches(Map.of("total", 80))).isTrue();
    assertThat(((Trigger.OnEvent) byId.get("t-order")).where().matches(Map.of("total", 20))).isFalse();
    assertThat(((Branch.OnCondition) byId.get("b-value")).edges())
        .containsExactly(Map.entry("cases[0].next", "s-offer"), Map.entry("otherwise", "a-survey"));
    assertThat(flow.reentry().policy()).isEqualTo(FlowDefinition.ReentryPolicy.AFTER_COOLDOWN);
    assertThat(flow.frequencyCaps().get(1).channel()).isEqualTo(Channel.ANY);
    assertThat(flow.quietHours().from()).isEqualTo(LocalTime.of(21, 0));
  }

  @Test
  void yamlReadsToTheSameDefinitionAsJson() throws Exception {
    String yaml = new YAMLMapper().writeValueAsString(new ObjectMapper().readTree(FlowExamples.orderCareText()));
    FlowDefinition fromYaml = FlowReader.readYaml(yaml, FlowExamples.CATALOGUE);
    assertThat(FlowReader.toJson(fromYaml))
        .isEqualTo(FlowReader.toJson(FlowReader.readJson(FlowExamples.orderCareText(), FlowExamples.CATALOGUE)));
  }

  @Test
  void writingAndReadingBackKeepsEveryField() {
    FlowDefinition flow = FlowReader.readJson(FlowExamples.orderCareText(), FlowExamples.CATALOGUE);
    String written = FlowReader.toJson(flow);
    FlowDefinition reread = FlowReader.readJson(written, FlowExamples.CATALOGUE);
    assertThat(reread).isEqualTo(flow); // records compare field by field, conditions by their JSON
    assertThat(written).contains("\"type\" : \"wait.event\"", "\"timeoutNext\" : \"w-morning\"", "\"$gte\" : 50");
  }

  @Test
  void anOpenCatalogueChecksStructureButNoNames() {
    String text = FlowExamples.orderCareText().replace("Order Shipped", "Parcel Sent");
    assertThat(FlowReader.readJson(text, FlowCatalogue.OPEN).nodes()).hasSize(18);
  }
}
