package io.wayfinder.server.flow;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.core.act.flow.Action;
import io.wayfinder.core.act.flow.Branch;
import io.wayfinder.core.act.flow.FlowDefinition;
import io.wayfinder.core.act.flow.FlowNode;
import io.wayfinder.core.act.flow.Trigger;
import io.wayfinder.core.act.flow.Wait;
import io.wayfinder.store.flow.FlowTx;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Walks an instance through its flow from one node until it waits or ends: triggers and branches
 * pass at once, actions are queued in the outbox (after the consent, cap and quiet-hour checks),
 * waits are stored with their due time. Each node writes one trace row saying what happened and why.
 */
final class FlowSteps {
  private final FlowActions actions;

  FlowSteps(FlowActions actions) {
    this.actions = actions;
  }

  /**
   * Runs {@code in} from {@code nodeId}. {@code heldAction} is the action whose quiet hours just
   * ended (it is not held again), else null.
   */
  void run(FlowTx tx, FlowDefinition def, FlowTx.Instance in, String nodeId, JsonNode received, Instant now, String heldAction)
      throws SQLException {
    JsonNode event = received != null ? received : in.event(); // the last event the instance saw
    Context ctx = null;
    String node = nodeId;
    tx.setState(in.id(), "running", node, received, now);
    // Validation rejects cycles without a wait, so this ends; the bound guards against a bug looping forever.
    for (int steps = 0; steps < 10_000; steps++) {
      FlowNode n = node(def, node);
      if (n instanceof Trigger t) {
        tx.trace(in, t.id(), "entered", event == null ? null : Map.of("event", event), now);
        node = t.next();
      } else if (n instanceof Wait.ForDuration w) {
        wait(tx, in, w.id(), now.plus(w.duration()), null, now);
        return;
      } else if (n instanceof Wait.UntilTimeOfDay w) {
        ctx = ctx != null ? ctx : new Context(tx, def, in, event);
        wait(tx, in, w.id(), CustomerClock.of(def, ctx.traits).next(w.time(), now), null, now);
        return;
      } else if (n instanceof Wait.UntilEvent w) {
        wait(tx, in, w.id(), now.plus(w.timeout()), w.event(), now);
        return;
      } else if (n instanceof Branch.OnCondition b) {
        ctx = ctx != null ? ctx : new Context(tx, def, in, event);
        node = branch(tx, in, b, ctx, now);
      } else if (n instanceof Branch.Split s) {
        int arm = s.armFor(in.customerId(), def.id());
        tx.trace(in, s.id(), "branch", Map.of("arm", s.arms().get(arm).name(), "next", s.arms().get(arm).next()), now);
        node = s.arms().get(arm).next();
      } else if (n instanceof Action a) {
        ctx = ctx != null ? ctx : new Context(tx, def, in, event);
        if (!actions.perform(tx, def, in, a, ctx, now, a.id().equals(heldAction))) return; // held for quiet hours
        node = a.next();
      } else {
        FlowNode.Exit x = (FlowNode.Exit) n;
        tx.setState(in.id(), "exited", x.id(), null, now);
        tx.trace(in, x.id(), "exited", x.reason() == null ? null : Map.of("reason", x.reason()), now);
        return;
      }
      // no state write per node: every path ends at a wait or an exit node, which store the state at rest
    }
    throw new IllegalStateException("flow " + def.id() + " ran 10000 steps without waiting");
  }

  private static String branch(FlowTx tx, FlowTx.Instance in, Branch.OnCondition b, Context ctx, Instant now)
      throws SQLException {
    for (int i = 0; i < b.cases().size(); i++) {
      Branch.Case k = b.cases().get(i);
      if (k.when().matches(ctx.document)) {
        tx.trace(in, b.id(), "branch", detail("cases[" + i + "]", k.next(), ctx.valuesOf(k.when())), now);
        return k.next();
      }
    }
    Map<String, Object> seen = new LinkedHashMap<>();
    b.cases().forEach(k -> seen.putAll(ctx.valuesOf(k.when())));
    tx.trace(in, b.id(), "branch", detail("otherwise", b.otherwise(), seen), now);
    return b.otherwise();
  }

  private static Map<String, Object> detail(String taken, String next, Map<String, Object> values) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("taken", taken);
    d.put("next", next);
    d.put("values", values);
    return d;
  }

  private static void wait(FlowTx tx, FlowTx.Instance in, String node, Instant due, String event, Instant now) throws SQLException {
    tx.setState(in.id(), "waiting", node, null, now);
    tx.addWait(in.id(), node, due, event);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("until", due.toString());
    if (event != null) d.put("event", event);
    tx.trace(in, node, "waiting", d, now);
  }

  static FlowNode node(FlowDefinition def, String id) {
    return def.nodes().stream().filter(n -> n.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalStateException("flow " + def.id() + " has no node " + id));
  }
}
