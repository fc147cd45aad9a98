package io.wayfinder.core.voc.sentiment;

/**
 * VADER's scores for one text, rounded as the reference implementation rounds them.
 *
 * @param negative share of the text's sentiment-weighted tokens that are negative (3 decimals)
 * @param neutral share that are neutral (3 decimals)
 * @param positive share that are positive (3 decimals)
 * @param compound normalised sum of valences, −1 … +1 (4 decimals)
 */
public record SentimentScore(double negative, double neutral, double positive, double compound) {
  /** The score of a text with no tokens. */
  public static final SentimentScore EMPTY = new SentimentScore(0, 0, 0, 0);

  public SentimentClass sentimentClass() {
    return SentimentClass.of(compound);
  }
}
