package io.wayfinder.core.act.flow;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a whole flow definition against a catalogue of known names: every node's fields, the
 * graph, and the flow's own rules (goal, exit criteria, re-entry, caps, quiet hours, time zone).
 */
public final class FlowValidator {
  private static final Pattern FLOW_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  private FlowValidator() {}

  /** Every problem of the definition; empty when it may be published. */
  public static List<FlowProblem> validate(FlowDefinition flow, FlowCatalogue catalogue) {
    List<FlowProblem> problems = new ArrayList<>();
    CustomerContext context = new CustomerContext(catalogue);
    NodeChecks own = new NodeChecks(null, catalogue, context, problems);
    if (flow.id() == null || !FLOW_ID.matcher(flow.id()).matches()) {
      own.problem("id", "is required: 1–64 lower-case letters, digits, '-' or '_', starting with a letter or digit");
    }
    if (flow.version() == null || flow.version() < 1) {
      own.problem("version", "is required: 1 or more");
    }
    List<FlowNode> nodes = flow.nodes();
    for (int i = 0; i < nodes.size(); i++) {
      FlowNode n = nodes.get(i);
      if (n.id() == null || n.id().isBlank()) {
        own.problem("nodes[" + i + "].id", "every node needs an id");
      } else {
        n.check(new NodeChecks(n.id(), catalogue, context, problems));
      }
    }
    FlowGraph.check(nodes, problems);
    rules(flow, own);
    return problems;
  }

  /** As {@link #validate}, throwing when there is any problem. */
  public static FlowDefinition requireValid(FlowDefinition flow, FlowCatalogue catalogue) {
    List<FlowProblem> problems = validate(flow, catalogue);
    if (!problems.isEmpty()) {
      throw new InvalidFlowException(problems);
    }
    return flow;
  }

  private static void rules(FlowDefinition flow, NodeChecks c) {
    FlowDefinition.Goal goal = flow.goal();
    if (goal != null) {
      c.event("goal.event", goal.event());
      c.eventCondition("goal.where", goal.event(), goal.where());
      if (goal.within() != null) {
        c.positive("goal.within", goal.within());
      }
    }
    for (int i = 0; i < flow.exit().size(); i++) {
      FlowDefinition.ExitCriterion e = flow.exit().get(i);
      String at = "exit[" + i + "]";
      if (e.event() == null && e.when() == null) {
        c.problem(at, "an exit criterion needs an event or a when condition");
      }
      if (e.event() != null) {
        c.event(at + ".event", e.event());
        c.eventCondition(at + ".where", e.event(), e.where());
      }
      c.contextCondition(at + ".when", e.when());
    }
    FlowDefinition.Reentry r = flow.reentry();
    c.required("reentry.policy", r.policy());
    if (r.policy() == FlowDefinition.ReentryPolicy.AFTER_COOLDOWN) {
      c.positive("reentry.cooldown", r.cooldown());
    }
    for (int i = 0; i < flow.frequencyCaps().size(); i++) {
      FlowDefinition.FrequencyCap cap = flow.frequencyCaps().get(i);
      String at = "frequencyCaps[" + i + "]";
      c.required(at + ".channel", cap.channel());
      if (cap.max() == null || cap.max() < 1) {
        c.problem(at + ".max", "is required: 1 or more");
      }
      c.positive(at + ".per", cap.per());
    }
    FlowDefinition.QuietHours q = flow.quietHours();
    if (q != null) {
      c.required("quietHours.from", q.from());
      c.required("quietHours.to", q.to());
      if (q.from() != null && q.from().equals(q.to())) {
        c.problem("quietHours.to", "must differ from quietHours.from");
      }
    }
    FlowDefinition.CustomerTimeZone tz = flow.customerTimeZone();
    try {
      ZoneId.of(tz.fallback() == null ? "" : tz.fallback());
    } catch (DateTimeException e) {
      c.problem("customerTimeZone.fallback", "not an IANA time zone: \"" + tz.fallback() + "\"");
    }
    c.trait("customerTimeZone.trait", tz.trait());
  }
}
