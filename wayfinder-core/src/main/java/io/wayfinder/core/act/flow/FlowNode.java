package io.wayfinder.core.act.flow;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Map;

/**
 * One node of a flow graph. The {@code type} property of its JSON names the kind (see
 * docs/flows.md for every kind and field); the other nodes are reached through the edges it
 * names.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Trigger.OnEvent.class, name = "trigger.event"),
    @JsonSubTypes.Type(value = Trigger.OnJourney.class, name = "trigger.journey"),
    @JsonSubTypes.Type(value = Trigger.OnPrediction.class, name = "trigger.prediction"),
    @JsonSubTypes.Type(value = Trigger.OnSurveyAnswer.class, name = "trigger.survey"),
    @JsonSubTypes.Type(value = Trigger.OnSegment.class, name = "trigger.segment"),
    @JsonSubTypes.Type(value = Trigger.OnSchedule.class, name = "trigger.schedule"),
    @JsonSubTypes.Type(value = Wait.ForDuration.class, name = "wait.duration"),
    @JsonSubTypes.Type(value = Wait.UntilTimeOfDay.class, name = "wait.timeOfDay"),
    @JsonSubTypes.Type(value = Wait.UntilEvent.class, name = "wait.event"),
    @JsonSubTypes.Type(value = Branch.OnCondition.class, name = "branch.condition"),
    @JsonSubTypes.Type(value = Branch.Split.class, name = "branch.split"),
    @JsonSubTypes.Type(value = Action.Webhook.class, name = "action.webhook"),
    @JsonSubTypes.Type(value = Action.Email.class, name = "action.email"),
    @JsonSubTypes.Type(value = Action.InApp.class, name = "action.inApp"),
    @JsonSubTypes.Type(value = Action.SetTrait.class, name = "action.setTrait"),
    @JsonSubTypes.Type(value = Action.SurveyInvitation.class, name = "action.survey"),
    @JsonSubTypes.Type(value = Action.EmitEvent.class, name = "action.emitEvent"),
    @JsonSubTypes.Type(value = FlowNode.Exit.class, name = "exit"),
})
public sealed interface FlowNode permits Trigger, Wait, Branch, Action, FlowNode.Exit {
  /** Unique in its flow; errors and traces name nodes by it. */
  String id();

  /**
   * The outgoing edges, field name (as in the JSON, e.g. {@code next}, {@code cases[1].next}) to
   * target node id; a null target is a missing edge.
   */
  Map<String, String> edges();

  /** Reports what is wrong with this node's own fields. */
  void check(NodeChecks checks);

  /** Ends the instance here (without reaching the goal). */
  record Exit(String id, String reason) implements FlowNode {
    @Override
    public Map<String, String> edges() {
      return Map.of();
    }

    @Override
    public void check(NodeChecks checks) {
      // nothing to check: an exit needs no fields
    }
  }
}
