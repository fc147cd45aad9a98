package io.wayfinder.core.act.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each way a flow is rejected, by breaking one thing in the valid example. */
class FlowValidationTest {

  private static List<FlowProblem> problems(Consumer<ObjectNode> breakIt) {
    ObjectNode flow = FlowExamples.orderCare();
    breakIt.accept(flow);
    InvalidFlowException e = catchThrowableOfType(InvalidFlowException.class,
        () -> FlowReader.readJson(flow.toString(), FlowExamples.CATALOGUE));
    assertThat(e).as("the broken flow is rejected").isNotNull();
    return e.problems();
  }

  private static ObjectNode node(ObjectNode flow, String id) {
    return FlowExamples.node(flow, id);
  }

  @Test
  void aCycleWithoutAWaitIsRejectedNamingTheEdgeThatClosesIt() {
    // a-emit → a-trait → a-emit: two actions chasing each other
    assertThat(problems(f -> node(f, "a-emit").put("next", "a-trait")))
        .containsExactly(new FlowProblem("a-emit", "next",
            "cycle a-trait → a-emit → a-trait passes no wait node; add a wait so a customer does not loop without pause"));
  }

  @Test
  void aCycleThroughAWaitIsAccepted() {
    // the example already loops w-ship → w-morning → a-apology → w-day → w-ship
    FlowDefinition flow = FlowReader.readJson(FlowExamples.orderCareText(), FlowExamples.CATALOGUE);
    assertThat(FlowValidator.validate(flow, FlowExamples.CATALOGUE)).isEmpty();
  }

  @Test
  void anUnknownNodeTypeIsRejectedListingTheKnownOnes() {
    assertThat(problems(f -> node(f, "a-survey").put("type", "action.sms")))
        .singleElement().satisfies(p -> {
          assertThat(p.node()).isEqualTo("a-survey");
          assertThat(p.field()).isEqualTo("type");
          assertThat(p.message()).startsWith("unknown node type \"action.sms\" (known: trigger.event,")
              .contains("action.webhook", "exit");
        });
  }

  @Test
  void anUnknownEventNameIsRejected() {
    assertThat(problems(f -> node(f, "w-ship").put("event", "Order Shiped")))
        .contains(new FlowProblem("w-ship", "event", "unknown event name \"Order Shiped\""));
  }

  @Test
  void anUnknownTraitNameInAConditionIsRejected() {
    assertThat(problems(f -> node(f, "t-gold").putObject("when").put("traits.tier", "gold")))
        .containsExactly(new FlowProblem("t-gold", "when", "at /traits.tier: unknown event or trait name \"traits.tier\""));
  }

  @Test
  void anUnknownEventPropertyInATriggerConditionIsRejected() {
    assertThat(problems(f -> node(f, "t-order").putObject("where").put("amount", 5)))
        .containsExactly(new FlowProblem("t-order", "where", "at /amount: unknown event or trait name \"amount\""));
  }

  @Test
  void aMalformedConditionIsRejectedWithItsPlaceInTheCondition() {
    assertThat(problems(f -> ((ObjectNode) node(f, "b-value").get("cases").get(0).get("when"))
        .putObject("predictions.churnRisk").put("$gt", "high").put("$between", 1)))
        .extracting(FlowProblem::toString)
        .containsExactly(
            "node 'b-value', field 'cases[0].when': at /predictions.churnRisk/$between: unknown operator $between (known: $eq, $ne,"
                + " $lt, $lte, $gt, $gte, $veq, $vne, $vlt, $vlte, $vgt, $vgte, $exists, $in, $nin, $ini, $nini, $all, $alli,"
                + " $inGroup, $notInGroup, $not, $size, $elemMatch, $regex, $regexi, $type)");
  }

  @Test
  void aTemplateNamingAMissingVariableFailsToRender() {
    assertThat(problems(f -> node(f, "a-inapp").put("body", "{{traits.fristName}}, 10% off")))
        .singleElement().satisfies(p -> {
          assertThat(p.node()).isEqualTo("a-inapp");
          assertThat(p.field()).isEqualTo("body");
          assertThat(p.message()).startsWith("template fails to render: ").contains("traits.fristName").contains("line 1");
        });
  }

  @Test
  void aTemplateWithBrokenSyntaxIsRejectedInsideAWebhookBody() {
    assertThat(problems(f -> ((ObjectNode) node(f, "a-hook").get("body")).put("offer", "{{#traits.plan}}gold")))
        .singleElement().satisfies(p -> {
          assertThat(p.field()).isEqualTo("body.offer");
          assertThat(p.message()).startsWith("template fails to render: ");
        });
  }

  @Test
  void aMissingEdgeIsRejectedAndWhatOnlyItReachedIsUnreachable() {
    assertThat(problems(f -> node(f, "w-ship").remove("timeoutNext")))
        .containsExactly(new FlowProblem("w-ship", "timeoutNext", "missing edge: name the node that comes next"),
            new FlowProblem("w-morning", "id", "not reachable from any trigger"),
            new FlowProblem("a-apology", "id", "not reachable from any trigger"),
            new FlowProblem("w-day", "id", "not reachable from any trigger"));
  }

  @Test
  void aDanglingEdgeIsRejectedAndWhatItLeftUnreachableToo() {
    assertThat(problems(f -> node(f, "b-value").put("otherwise", "a-surveys")))
        .containsExactly(
            new FlowProblem("b-value", "otherwise", "dangling edge to unknown node 'a-surveys'"),
            new FlowProblem("a-survey", "id", "not reachable from any trigger"));
  }

  @Test
  void anEdgeIntoATriggerADuplicateIdAndAFlowWithoutTriggersAreRejected() {
    assertThat(problems(f -> node(f, "a-survey").put("next", "t-order")))
        .containsExactly(new FlowProblem("a-survey", "next", "edge leads into trigger 't-order'; triggers only start a flow"));
    assertThat(problems(f -> node(f, "a-survey").put("id", "a-emit")))
        .contains(new FlowProblem("a-emit", "id", "duplicate node id"));
    assertThat(problems(f -> {
      f.withArray("nodes").removeAll();
      f.withArray("nodes").addObject().put("id", "x").put("type", "exit");
    })).containsExactly(new FlowProblem(null, "nodes", "a flow needs at least one trigger node"),
        new FlowProblem("x", "id", "not reachable from any trigger"));
  }

  @Test
  void aWrongFieldTypeAndAnUnknownFieldNameTheNodeAndField() {
    List<FlowProblem> ps = problems(f -> {
      node(f, "w-day").put("duration", "one day");
      node(f, "a-trait").put("vlaue", 1);
    });
    assertThat(ps).extracting(FlowProblem::node, FlowProblem::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("w-day", "duration"),
            org.assertj.core.groups.Tuple.tuple("a-trait", "vlaue"));
    assertThat(ps.get(0).message())
        .isEqualTo("expects an ISO-8601 duration such as \"PT30M\", \"PT24H\" or \"P3D\"; got \"one day\"");
    assertThat(ps.get(1).message()).startsWith("unknown field (known: ").contains("value");
  }

  @Test
  void splitWeightsMustBePositiveAndAddUpToOne() {
    assertThat(problems(f -> ((ObjectNode) node(f, "s-offer").get("arms").get(0)).put("weight", 0.2)))
        .extracting(FlowProblem::toString)
        .containsExactly("node 's-offer', field 'arms': weights must add up to 1 (they add up to 1.1)");
    assertThat(problems(f -> ((ObjectNode) node(f, "s-offer").get("arms").get(0)).put("weight", -0.1)))
        .extracting(FlowProblem::field).containsExactly("arms[0].weight");
  }

  @Test
  void flowRulesAreChecked() {
    assertThat(problems(f -> {
      f.put("id", "Order Care");
      f.putObject("reentry").put("policy", "afterCooldown");
      ((ObjectNode) f.get("frequencyCaps").get(0)).put("max", 0);
      f.putObject("quietHours").put("from", "22:00").put("to", "22:00");
      f.putObject("customerTimeZone").put("trait", "tz").put("fallback", "Paris");
      f.putObject("goal").put("event", "Order Reviewd");
    })).extracting(FlowProblem::toString).containsExactly(
        "flow, field 'id': is required: 1–64 lower-case letters, digits, '-' or '_', starting with a letter or digit",
        "flow, field 'goal.event': unknown event name \"Order Reviewd\"",
        "flow, field 'reentry.cooldown': is required (an ISO-8601 duration such as PT30M or P3D)",
        "flow, field 'frequencyCaps[0].max': is required: 1 or more",
        "flow, field 'quietHours.to': must differ from quietHours.from",
        "flow, field 'customerTimeZone.fallback': not an IANA time zone: \"Paris\"",
        "flow, field 'customerTimeZone.trait': unknown trait name \"tz\"");
  }

  @Test
  void notJsonIsRejectedWithItsLine() {
    InvalidFlowException e = catchThrowableOfType(InvalidFlowException.class,
        () -> FlowReader.readJson("{\n\"id\": \"x\",\n\"nodes\": [}", FlowExamples.CATALOGUE));
    assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message()).startsWith("line 3, column 11: not valid JSON"));
  }
}
