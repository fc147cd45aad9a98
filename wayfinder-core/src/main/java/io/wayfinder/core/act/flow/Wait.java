package io.wayfinder.core.act.flow;

import io.wayfinder.core.act.condition.Condition;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

/** Holds a customer at a node until time passes or an event arrives; the only nodes a cycle may pass. */
public sealed interface Wait extends FlowNode {

  /** Waits a fixed time. */
  record ForDuration(String id, Duration duration, String next) implements Wait {
    @Override
    public Map<String, String> edges() {
      return Edges.of("next", next);
    }

    @Override
    public void check(NodeChecks c) {
      c.positive("duration", duration);
    }
  }

  /**
   * Waits until the next {@code time} on the customer's clock (the flow's {@code customerTimeZone});
   * if it is that time already, until the same time tomorrow.
   */
  record UntilTimeOfDay(String id, LocalTime time, String next) implements Wait {
    @Override
    public Map<String, String> edges() {
      return Edges.of("next", next);
    }

    @Override
    public void check(NodeChecks c) {
      c.required("time", time);
    }
  }

  /**
   * Waits for {@code event} (whose properties match {@code where}) and goes to {@code next}; if
   * {@code timeout} passes first, goes to {@code timeoutNext}.
   */
  record UntilEvent(String id, String event, Condition where, Duration timeout, String next, String timeoutNext)
      implements Wait {
    @Override
    public Map<String, String> edges() {
      return Edges.of("next", next, "timeoutNext", timeoutNext);
    }

    @Override
    public void check(NodeChecks c) {
      c.event("event", event);
      c.eventCondition("where", event, where);
      c.positive("timeout", timeout);
    }
  }
}
