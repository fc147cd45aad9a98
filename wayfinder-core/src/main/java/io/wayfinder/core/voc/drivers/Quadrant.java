package io.wayfinder.core.voc.drivers;

/**
 * Where a driver falls in the importance × performance chart, split at the average importance
 * and the average performance index of the drivers analysed together.
 */
public enum Quadrant {
  /** Important and performing well: keep it so. */
  STRENGTH,
  /** Important and performing poorly: fix first. */
  PRIORITY,
  /** Less important, performing well: do not over-invest. */
  MAINTAIN,
  /** Less important, performing poorly: fix later. */
  LOW_PRIORITY;

  static Quadrant of(boolean important, boolean performing) {
    if (important) return performing ? STRENGTH : PRIORITY;
    return performing ? MAINTAIN : LOW_PRIORITY;
  }
}
