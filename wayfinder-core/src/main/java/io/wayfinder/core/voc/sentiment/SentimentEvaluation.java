package io.wayfinder.core.voc.sentiment;

import org.hipparchus.stat.correlation.PearsonsCorrelation;

/**
 * Agreement of predicted compound scores with human ratings: Pearson correlation and the share of
 * texts whose three-way class ({@link SentimentClass}, ±0.05) matches. Gold ratings are divided by
 * their scale's maximum first (VADER's human ratings run −4 … +4, so the scale is 4).
 */
public record SentimentEvaluation(int texts, double pearsonR, double accuracy3Class) {

  public static SentimentEvaluation of(double[] compound, double[] gold, double goldScale) {
    if (compound.length != gold.length) {
      throw new IllegalArgumentException("need as many gold ratings as scores: " + gold.length + " vs " + compound.length);
    }
    if (compound.length < 2) throw new IllegalArgumentException("need at least two rated texts, got " + compound.length);
    if (!(goldScale > 0)) throw new IllegalArgumentException("gold scale must be positive, got " + goldScale);
    int agree = 0;
    double[] scaled = new double[gold.length];
    for (int i = 0; i < gold.length; i++) {
      scaled[i] = gold[i] / goldScale;
      if (SentimentClass.of(scaled[i]) == SentimentClass.of(compound[i])) agree++;
    }
    double r = new PearsonsCorrelation().correlation(compound, scaled);
    return new SentimentEvaluation(compound.length, r, (double) agree / compound.length);
  }
}
