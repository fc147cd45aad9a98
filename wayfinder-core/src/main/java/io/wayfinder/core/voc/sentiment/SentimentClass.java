package io.wayfinder.core.voc.sentiment;

/** Three-way class of a compound score, with VADER's conventional cut-offs of ±0.05. */
public enum SentimentClass {
  NEGATIVE,
  NEUTRAL,
  POSITIVE;

  /** The cut-off: compound ≥ 0.05 is positive, ≤ −0.05 negative, anything between neutral. */
  public static final double THRESHOLD = 0.05;

  /** The class of a compound score (or of any score on the same −1 … +1 scale). */
  public static SentimentClass of(double compound) {
    if (compound >= THRESHOLD) return POSITIVE;
    if (compound <= -THRESHOLD) return NEGATIVE;
    return NEUTRAL;
  }
}
