package io.wayfinder.core.journey.funnel;

import io.wayfinder.core.journey.dataset.Segment;
import io.wayfinder.core.journey.definition.TimeSpan;
import java.time.Instant;
import java.util.List;

/**
 * A funnel, as a value: its steps, how they must follow each other, the conversion window, the
 * exclusions, an optional breakdown and the slice of events it looks at. Run it with
 * {@link FunnelEngine}.
 *
 * <p>Semantics, for every order: a customer's attempt starts at an event of the first step (in
 * {@code any} order: of any step) and runs until the window closes ({@code window} after that
 * event, inclusive: an event exactly at the boundary counts). Each step takes the earliest event
 * that qualifies after the previous matched step. Events with equal timestamps are ordered by
 * their position in the store (load order), and each step needs a different, later event, so
 * two steps can match events with the same timestamp only in that order. The customer counts with
 * their best attempt (most steps reached; the earliest of equals).
 *
 * @param steps at least one; the first and last must not be optional; at most 64
 * @param order strict, ordered (default) or any
 * @param window conversion window from the first step ({@code 30d}; default 30 days)
 * @param exclusions exclusion steps, may be empty
 * @param breakdown how to split the result, or null
 * @param from events at or after this only, or null
 * @param to events before this only, or null
 * @param segment only customers in this segment ({@code trait=value}), or null
 */
public record Funnel(
    List<FunnelStep> steps, FunnelOrder order, String window, List<Exclusion> exclusions,
    FunnelBreakdown breakdown, Instant from, Instant to, String segment) {
  public static final int MAX_STEPS = 64;

  public Funnel {
    if (steps == null || steps.isEmpty()) throw new IllegalArgumentException("steps: a funnel needs at least one step");
    if (steps.size() > MAX_STEPS) throw new IllegalArgumentException("steps: at most " + MAX_STEPS + " steps");
    steps = List.copyOf(steps);
    if (steps.get(0).optional() || steps.get(steps.size() - 1).optional()) {
      throw new IllegalArgumentException("steps: the first and the last step cannot be optional");
    }
    order = order == null ? FunnelOrder.ORDERED : order;
    if (order == FunnelOrder.ANY && steps.stream().anyMatch(s -> s.within() != null)) {
      throw new IllegalArgumentException("steps[].within: per-step windows need order strict or ordered");
    }
    window = window == null ? "30d" : window;
    TimeSpan.parse(window, "window");
    exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
    if (exclusions.size() > MAX_STEPS) throw new IllegalArgumentException("exclusions: at most " + MAX_STEPS);
    for (Exclusion e : exclusions) {
      int a = e.afterStep() == null ? 1 : e.afterStep();
      int b = e.beforeStep() == null ? steps.size() : e.beforeStep();
      if (a < 1 || b > steps.size() || a >= b) {
        throw new IllegalArgumentException("exclusions[].afterStep/beforeStep: need 1 <= afterStep < beforeStep <= "
            + steps.size());
      }
    }
    if (from != null && to != null && !from.isBefore(to)) throw new IllegalArgumentException("from: must be before to");
    Segment.parse(segment);
  }

  /** An ordered funnel over these event names with a 30-day window. */
  public static Funnel of(String... events) {
    return new Funnel(java.util.Arrays.stream(events).map(FunnelStep::of).toList(), FunnelOrder.ORDERED, null,
        null, null, null, null, null);
  }

  public Funnel withOrder(FunnelOrder o) {
    return new Funnel(steps, o, window, exclusions, breakdown, from, to, segment);
  }

  public Funnel withWindow(String w) {
    return new Funnel(steps, order, w, exclusions, breakdown, from, to, segment);
  }

  public Funnel withExclusions(List<Exclusion> e) {
    return new Funnel(steps, order, window, e, breakdown, from, to, segment);
  }

  public Funnel withBreakdown(FunnelBreakdown b) {
    return new Funnel(steps, order, window, exclusions, b, from, to, segment);
  }

  long windowMicros() {
    return TimeSpan.parse(window, "window").toNanos() / 1000;
  }
}
