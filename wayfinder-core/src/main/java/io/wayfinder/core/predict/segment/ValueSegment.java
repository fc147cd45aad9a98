package io.wayfinder.core.predict.segment;

import java.util.Locale;

/** A customer's place on the two axes that matter for retention: what she is worth and whether she is leaving. */
public enum ValueSegment {
  HIGH_VALUE_AT_RISK,
  HIGH_VALUE_LOYAL,
  LOW_VALUE_AT_RISK,
  LOW_VALUE_STABLE;

  /** The name used in JSON and on the profile, e.g. {@code high_value_at_risk}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static ValueSegment of(boolean highValue, boolean atRisk) {
    if (highValue) return atRisk ? HIGH_VALUE_AT_RISK : HIGH_VALUE_LOYAL;
    return atRisk ? LOW_VALUE_AT_RISK : LOW_VALUE_STABLE;
  }
}
