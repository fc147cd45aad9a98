package io.wayfinder.core.journey.funnel;

/**
 * How to split a funnel's customers: by the {@code channel} of their first-step event, by a
 * {@code property} of it ({@code key} = property name), or by a {@code segment} trait of the
 * customer ({@code key} = trait name).
 */
public record FunnelBreakdown(String by, String key) {
  public FunnelBreakdown {
    if (!"channel".equals(by) && !"property".equals(by) && !"segment".equals(by)) {
      throw new IllegalArgumentException("breakdown.by: expected channel, property or segment, got '" + by + "'");
    }
    if (!"channel".equals(by) && (key == null || key.isBlank())) {
      throw new IllegalArgumentException("breakdown.key: required when breaking down by " + by);
    }
  }
}
