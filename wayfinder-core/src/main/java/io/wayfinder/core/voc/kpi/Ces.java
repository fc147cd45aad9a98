package io.wayfinder.core.voc.kpi;

/**
 * Customer effort score: the mean agreement (1–7) with "made it easy", with a Student t
 * interval, and the share who agree (5–7) in percent.
 */
public record Ces(long responses, double mean, double standardDeviation, long agree) {

  public static Ces of(ScoreCounts counts) {
    if (counts.scale() != ScoreScale.CES) throw new IllegalArgumentException("CES needs 1–7 scores, got " + counts.scale());
    return new Ces(counts.total(), counts.mean(), counts.standardDeviation(), counts.countBetween(5, 7));
  }

  public double standardError() {
    return standardDeviation / Math.sqrt(responses);
  }

  /** mean ± t(n−1)·sd/√n, cut to the 1–7 scale. */
  public Interval tInterval(double confidence) {
    if (responses < 2) return new Interval(Double.NaN, Double.NaN);
    double t = Quantiles.t(confidence, responses - 1);
    double half = t * standardError();
    return new Interval(mean - half, mean + half).within(1, 7);
  }

  /** Share agreeing (5–7), in percent. */
  public double agreeShare() {
    return 100.0 * agree / responses;
  }
}
