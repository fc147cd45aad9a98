package io.wayfinder.core.voc.kpi;

/**
 * The rating scales of Wayfinder's survey KPIs; each scale belongs to exactly one KPI.
 * NPS 0–10 ("how likely to recommend"), CSAT 1–5 (satisfaction), CES 1–7 (agreement with
 * "made it easy"; higher is better).
 */
public enum ScoreScale {
  NPS(0, 10),
  CSAT(1, 5),
  CES(1, 7);

  private final int min;
  private final int max;

  ScoreScale(int min, int max) {
    this.min = min;
    this.max = max;
  }

  public int min() {
    return min;
  }

  public int max() {
    return max;
  }

  /** Number of distinct scores on the scale. */
  public int size() {
    return max - min + 1;
  }

  public boolean accepts(int score) {
    return score >= min && score <= max;
  }

  /** Throws an {@link IllegalArgumentException} naming the scale when the score is off it. */
  public int check(int score) {
    if (!accepts(score)) {
      throw new IllegalArgumentException(name() + " score must be " + min + "–" + max + ", got " + score);
    }
    return score;
  }
}
