package io.wayfinder.server.flow;

import io.wayfinder.core.act.flow.Action;
import io.wayfinder.core.act.flow.FlowDefinition;
import io.wayfinder.core.act.flow.FlowNode;
import io.wayfinder.core.act.flow.Trigger;
import io.wayfinder.core.act.flow.Wait;
import io.wayfinder.store.Database;
import io.wayfinder.store.flow.FlowTx;
import io.wayfinder.store.flow.FlowVersionStore;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs published flows. Follows the event log from a stored cursor (so the collection API,
 * imports, survey answers and events that flows emit all trigger alike), and fires waits that
 * fell due from the store (so they survive restarts). Each pass is one transaction with the
 * cursor move: after a crash a pass is repeated whole, and the outbox's idempotency keys keep a
 * repeated pass from queueing an action twice.
 */
public final class FlowEngine implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FlowEngine.class);
  private static final int BATCH = 2_000;

  private final Database db;
  private final FlowVersionStore versions;
  private final Clock clock;
  private final FlowSteps steps = new FlowSteps(new FlowActions());
  private final Map<String, FlowDefinition> byVersion = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "wayfinder-flow-engine");
    t.setDaemon(true);
    return t;
  });

  public FlowEngine(Database db, FlowVersionStore versions, Clock clock) {
    this.db = db;
    this.versions = versions;
    this.clock = clock;
  }

  public FlowEngine start() {
    timer.scheduleWithFixedDelay(this::safePass, 0, 100, TimeUnit.MILLISECONDS);
    return this;
  }

  private void safePass() {
    try {
      while (passEvents() == BATCH) {
        // more to read
      }
      while (fireDueWaits() == BATCH) {
        // more due
      }
    } catch (RuntimeException e) {
      log.warn("flow engine pass failed (retried shortly): {}", e.getMessage());
    }
  }

  /** Reads the events after the cursor once; returns how many. */
  synchronized int passEvents() {
    List<FlowDefinition> live = versions.live();
    return FlowTx.inTransaction(db, tx -> {
      long cursor = tx.cursor();
      if (live.isEmpty()) { // nothing to trigger; open instances may still wait for events
        if (!tx.anyOpenInstance()) {
          long last = tx.lastEventId();
          if (last > cursor) tx.moveCursor(last);
          return 0;
        }
      }
      List<FlowTx.LogEvent> events = tx.eventsAfter(cursor, BATCH);
      for (FlowTx.LogEvent e : events) onEvent(tx, live, e);
      if (!events.isEmpty()) tx.moveCursor(events.get(events.size() - 1).id());
      return events.size();
    });
  }

  private void onEvent(FlowTx tx, List<FlowDefinition> live, FlowTx.LogEvent e) throws SQLException {
    Instant now = clock.instant();
    for (FlowTx.Instance in : tx.openInstances(e.profileId())) {
      FlowDefinition def = definition(in.flowId(), in.version());
      FlowDefinition.Goal goal = def.goal();
      if (goal != null && goal.event().equals(e.name()) && (goal.where() == null || goal.where().matches(e.properties()))
          && (goal.within() == null || !e.at().isAfter(in.enteredAt().plus(goal.within())))) {
        tx.setState(in.id(), "converted", in.node(), null, now);
        tx.trace(in, null, "converted", Map.of("event", e.name()), now);
        continue;
      }
      if (exits(tx, def, in, e)) {
        tx.setState(in.id(), "exited", in.node(), null, now);
        tx.trace(in, null, "exited", Map.of("reason", "exit criterion", "event", e.name()), now);
        continue;
      }
      FlowTx.DueWait w = in.status().equals("waiting") ? tx.waitOf(in.id()) : null;
      if (w != null && e.name().equals(w.eventName())) {
        Wait.UntilEvent node = (Wait.UntilEvent) FlowSteps.node(def, w.node());
        if (node.where() == null || node.where().matches(e.properties())) {
          tx.trace(in, node.id(), "resumed", Map.of("event", e.name()), now);
          steps.run(tx, def, in, node.next(), e.properties(), now, null);
        }
      }
    }
    for (FlowDefinition def : live) {
      for (FlowNode n : def.nodes()) {
        if (n instanceof Trigger.OnEvent t && t.event().equals(e.name())
            && (t.where() == null || t.where().matches(e.properties()))) {
          if (mayEnter(tx, def, e.profileId(), now)) {
            long id = tx.newInstance(def.id(), def.version(), e.profileId(), e.customerId(), t.id(), e.properties(), now);
            steps.run(tx, def, tx.instance(id), t.id(), e.properties(), now, null);
          }
          break; // one entry per flow and event, whichever trigger matched first
        }
      }
    }
  }

  private static boolean exits(FlowTx tx, FlowDefinition def, FlowTx.Instance in, FlowTx.LogEvent e) throws SQLException {
    Context ctx = null;
    for (FlowDefinition.ExitCriterion x : def.exit()) {
      if (x.event() != null && x.event().equals(e.name()) && (x.where() == null || x.where().matches(e.properties()))) return true;
      if (x.when() != null) {
        ctx = ctx != null ? ctx : new Context(tx, def, in, e.properties());
        if (x.when().matches(ctx.document)) return true;
      }
    }
    return false;
  }

  private static boolean mayEnter(FlowTx tx, FlowDefinition def, long profileId, Instant now) throws SQLException {
    FlowDefinition.Reentry r = def.reentry();
    if (r.policy() == FlowDefinition.ReentryPolicy.ALWAYS) return true;
    long[] last = tx.lastEntry(def.id(), profileId);
    if (last == null) return true;
    return switch (r.policy()) {
      case NEVER -> false;
      case AFTER_EXIT -> last[1] == 1;
      case AFTER_COOLDOWN -> last[1] == 1 && !Instant.ofEpochMilli(last[0]).plus(r.cooldown()).isAfter(now);
      case ALWAYS -> true;
    };
  }

  /** Fires the waits that fell due once; returns how many. */
  synchronized int fireDueWaits() {
    Instant now = clock.instant();
    return FlowTx.inTransaction(db, tx -> {
      List<FlowTx.DueWait> due = tx.dueWaits(now, BATCH);
      for (FlowTx.DueWait w : due) {
        FlowTx.Instance in = tx.instance(w.instanceId());
        FlowDefinition def = definition(in.flowId(), in.version());
        FlowNode n = FlowSteps.node(def, w.node());
        if (n instanceof Wait.UntilEvent u) {
          tx.trace(in, u.id(), "timeout", Map.of("event", u.event()), now);
          steps.run(tx, def, in, u.timeoutNext(), null, now, null);
        } else if (n instanceof Action a) { // quiet hours ended
          steps.run(tx, def, in, a.id(), null, now, a.id());
        } else {
          tx.trace(in, n.id(), "elapsed", null, now);
          steps.run(tx, def, in, n.edges().get("next"), null, now, null);
        }
      }
      return due.size();
    });
  }

  private FlowDefinition definition(String flowId, int version) {
    return byVersion.computeIfAbsent(flowId + ":" + version, k -> versions.version(flowId, version)
        .orElseThrow(() -> new IllegalStateException("flow " + flowId + " version " + version + " is not stored")));
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
