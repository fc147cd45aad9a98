package io.wayfinder.core.journey.funnel;

/** How a funnel's steps must follow each other. */
public enum FunnelOrder {
  /** Each step right after the previous one: no other event of the customer in between. */
  STRICT,
  /** Steps in order; other events may come in between. */
  ORDERED,
  /** Steps in any order within the window. */
  ANY;

  public static FunnelOrder parse(String s) {
    if (s == null) return ORDERED;
    try {
      return valueOf(s.strip().toUpperCase().replace(' ', '_').replace("ANY_ORDER", "ANY"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("order: expected strict, ordered or any, got '" + s + "'");
    }
  }
}
