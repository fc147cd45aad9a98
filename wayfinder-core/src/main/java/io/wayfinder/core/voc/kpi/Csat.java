package io.wayfinder.core.voc.kpi;

/**
 * Customer satisfaction: the share of satisfied answers (top two box, 4–5 on 1–5) in percent,
 * with a Wilson score interval, and the mean score.
 */
public record Csat(long responses, long satisfied, double mean) {

  public static Csat of(ScoreCounts counts) {
    if (counts.scale() != ScoreScale.CSAT) throw new IllegalArgumentException("CSAT needs 1–5 scores, got " + counts.scale());
    return new Csat(counts.total(), counts.countBetween(4, 5), counts.mean());
  }

  /** Top-two-box share in percent. */
  public double value() {
    return 100.0 * satisfied / responses;
  }

  /** Wilson score interval of the top-two-box share, in percent. */
  public Interval wilson(double confidence) {
    return Interval.wilsonPercent(satisfied, responses, confidence);
  }
}
