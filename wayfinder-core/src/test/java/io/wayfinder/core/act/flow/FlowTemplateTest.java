package io.wayfinder.core.act.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowTemplateTest {
  private static final Map<String, Object> CUSTOMER = CustomerContext.document("c-1",
      Map.of("firstName", "Ada", "company", "R&D <Labs>"), Map.of("orderId", "A-17"), Map.of("churnRisk", 0.8),
      Map.of("marketing", true), Map.of(), "order-care", 3);

  @Test
  void rendersDottedNamesFromTheCustomerContext() {
    assertThat(FlowTemplate.compile("Hi {{traits.firstName}}, order {{event.orderId}} ({{flow.id}} v{{flow.version}}, {{customer.id}})", false)
        .render(CUSTOMER)).isEqualTo("Hi Ada, order A-17 (order-care v3, c-1)");
  }

  @Test
  void aMissingVariableFailsInsteadOfPrintingNothing() {
    assertThatThrownBy(() -> FlowTemplate.compile("Hi {{traits.nickname}}", false).render(CUSTOMER))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("traits.nickname").hasMessageContaining("line 1");
  }

  @Test
  void aNullValueFailsToo() {
    Map<String, Object> traits = new HashMap<>();
    traits.put("firstName", null);
    Map<String, Object> ctx = CustomerContext.document("c-1", traits, Map.of(), Map.of(), Map.of(), Map.of(), "f", 1);
    assertThatThrownBy(() -> FlowTemplate.compile("Hi {{traits.firstName}}", false).render(ctx))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSectionTestsAnOptionalValueWithoutFailing() {
    FlowTemplate t = FlowTemplate.compile("Hi{{#traits.nickname}} {{traits.nickname}}{{/traits.nickname}}!", false);
    assertThat(t.render(CUSTOMER)).isEqualTo("Hi!");
  }

  @Test
  void htmlTemplatesEscapeValuesAndTextTemplatesDoNot() {
    assertThat(FlowTemplate.compile("{{traits.company}}", true).render(CUSTOMER)).isEqualTo("R&amp;D &lt;Labs&gt;");
    assertThat(FlowTemplate.compile("{{traits.company}}", false).render(CUSTOMER)).isEqualTo("R&D <Labs>");
  }

  @Test
  void brokenSyntaxFailsAtCompileWithItsLine() {
    assertThatThrownBy(() -> FlowTemplate.compile("line one\n{{#traits.plan}} open section", false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line");
  }
}
