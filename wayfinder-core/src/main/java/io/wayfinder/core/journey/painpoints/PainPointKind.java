package io.wayfinder.core.journey.painpoints;

/** The kinds of pain point the detector looks for. */
public enum PainPointKind {
  /** A stage where unusually many instances are abandoned. */
  DROP_OFF,
  /** A transition whose wait is far above the journey's own typical transition. */
  EXCESS_WAIT,
  /** Customers going back to a step they already did (A → … → A). */
  REWORK,
  /** A self-service step followed by an assisted contact within the switch window. */
  CHANNEL_SWITCH,
  /** Survey scores clearly below the others, with the share of negative comments. */
  LOW_SCORE
}
