package io.wayfinder.core.act.flow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.wayfinder.core.act.condition.Condition;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * One version of a flow: its graph of nodes and the rules around it. Read it with
 * {@link FlowReader}, which validates it; a published version never changes (a new version is a
 * new definition with the same {@code id}).
 *
 * @param id stable name of the flow, lower-case letters, digits, '-' and '_'
 * @param version 1, 2, …; running instances stay on the version they entered
 * @param goal the conversion that ends an instance as a success (optional)
 * @param exit criteria that end an instance early, e.g. an unsubscribe (optional)
 * @param reentry whether a customer may enter again (default: never)
 * @param frequencyCaps at most {@code max} actions per channel per period and customer
 * @param quietHours actions that fall due inside them wait for their end
 * @param customerTimeZone where the customer's clock comes from, for time-of-day waits and quiet hours
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FlowDefinition(
    String id,
    Integer version,
    String name,
    String description,
    List<FlowNode> nodes,
    Goal goal,
    List<ExitCriterion> exit,
    Reentry reentry,
    List<FrequencyCap> frequencyCaps,
    QuietHours quietHours,
    CustomerTimeZone customerTimeZone) {

  public FlowDefinition {
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
    exit = exit == null ? List.of() : List.copyOf(exit);
    frequencyCaps = frequencyCaps == null ? List.of() : List.copyOf(frequencyCaps);
    reentry = reentry == null ? new Reentry(ReentryPolicy.NEVER, null) : reentry;
    customerTimeZone = customerTimeZone == null ? new CustomerTimeZone("timezone", "UTC") : customerTimeZone;
  }

  FlowDefinition withNodes(List<FlowNode> newNodes) {
    return new FlowDefinition(id, version, name, description, newNodes, goal, exit, reentry, frequencyCaps,
        quietHours, customerTimeZone);
  }

  /** The goal: {@code event} (matching {@code where}) within {@code within} of entering, if set. */
  public record Goal(String event, Condition where, Duration within) {}

  /** Leave the flow when {@code event} (matching {@code where}) arrives, or when the context matches {@code when}. */
  public record ExitCriterion(String event, Condition where, Condition when) {}

  /** Re-entry: {@code cooldown} applies to {@code afterCooldown} only. */
  public record Reentry(ReentryPolicy policy, Duration cooldown) {}

  /** Whether a customer who has been in the flow may enter it again. */
  public enum ReentryPolicy {
    /** Once per customer and flow, ever. */
    @JsonProperty("never") NEVER,
    /** Again once the previous instance has ended (goal, exit or last node). */
    @JsonProperty("afterExit") AFTER_EXIT,
    /** Again once {@code cooldown} has passed since the previous entry, and that instance has ended. */
    @JsonProperty("afterCooldown") AFTER_COOLDOWN,
    /** Every time the trigger fires, even while an instance is running. */
    @JsonProperty("always") ALWAYS
  }

  /** At most {@code max} actions on {@code channel} per {@code per}, per customer (over all flows). */
  public record FrequencyCap(Channel channel, Integer max, Duration per) {}

  /** From {@code from} to {@code to} on the customer's clock (may span midnight, e.g. 21:00–08:00). */
  public record QuietHours(LocalTime from, LocalTime to) {}

  /** The customer's IANA zone is the trait {@code trait}; {@code fallback} when it is missing or invalid. */
  public record CustomerTimeZone(String trait, String fallback) {}
}
