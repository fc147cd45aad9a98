package io.wayfinder.core.journey.map;

import static org.assertj.core.api.Assertions.assertThat;

import io.wayfinder.core.journey.dataset.EventFilter;
import io.wayfinder.core.journey.dataset.Events;
import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.definition.JourneyDefinition;
import io.wayfinder.core.journey.definition.Stage;
import io.wayfinder.core.journey.instance.StageAssignment;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

class JourneyMapTest {
  private static final JourneyDefinition J = new JourneyDefinition("order", "Order & pay", "Shop", List.of(
      new Stage("Request", List.of(EventFilter.named("Checkout"), EventFilter.named("Pay"))),
      new Stage("Respond", List.of(EventFilter.named("Delivered")))), "Checkout", "Delivered", "2d");

  private final JourneyDataset data = new Events()
      .sequence("a", 0, "Checkout", "Pay", "Delivered")
      .sequence("b", 0, "Checkout", "Pay")
      .at("b", 10, "Survey Response", "email", Map.of("journey", "order", "stage", "Request", "question_type", "nps",
          "score", 2, "comment", "Terrible, awful payment page"))
      .at("a", 10, "Survey Response", "email", Map.of("journey", "order", "stage", "Request", "question_type", "nps", "score", 10))
      .sequence("c", 0, "Checkout")
      .build();

  @Test
  void stagesCarryVolumesConversionTimeAndKpisFromSurveyResponses() {
    JourneyMap m = new JourneyMapBuilder(new StageAssignment(data, J)).build(null);
    assertThat(m.instances()).isEqualTo(3);
    assertThat(m.converted()).isEqualTo(1);
    JourneyMap.StageSummary request = m.stages().get(0);
    assertThat(request.instances()).isEqualTo(3);
    assertThat(request.conversion()).isEqualTo(1.0 / 3);
    assertThat(request.medianSecondsInStage()).isEqualTo(60.0); // a: 2 min to Delivered, b: 1 min, c: 0
    assertThat(request.kpis().nps().responses()).isEqualTo(2);
    assertThat(request.kpis().nps().value()).isEqualTo(0.0);
    assertThat(request.kpis().sentiment().negativeShare()).isEqualTo(1.0);
    assertThat(m.stages().get(1).kpis().nps()).isNull();
    assertThat(m.links()).first().isEqualTo(new JourneyMap.Link("Checkout", "Pay", 2, 60.0));
    assertThat(m.nodes()).extracting(JourneyMap.Node::event).containsExactly("Checkout", "Pay", "Delivered");
  }

  @Test
  void exportsDotAndWellFormedStandaloneSvg() throws Exception {
    JourneyMap m = new JourneyMapBuilder(new StageAssignment(data, J)).build(null);
    String dot = MapExport.dot(m);
    assertThat(dot).startsWith("digraph \"order\"").contains("subgraph cluster_0", "\"Checkout\" -> \"Pay\" [label=\"2\"");
    String svg = MapExport.svg(m);
    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(doc.getElementsByTagName("rect").getLength()).isEqualTo(1 + 3);
    assertThat(svg).contains("Order &amp; pay").doesNotContain("<script", "href=");
  }
}
