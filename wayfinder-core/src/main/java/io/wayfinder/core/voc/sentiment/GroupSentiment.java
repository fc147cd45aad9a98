package io.wayfinder.core.voc.sentiment;

import java.util.List;

/**
 * Sentiment of the texts of one group (a touchpoint, a journey stage …): one point of a
 * journey's emotional curve.
 *
 * @param group the group's name
 * @param texts number of texts
 * @param meanCompound mean compound score
 * @param positiveShare share of texts classed positive
 * @param negativeShare share of texts classed negative
 * @param topPositiveTerms most frequent terms that counted positively, most frequent first
 * @param topNegativeTerms most frequent terms that counted negatively, most frequent first
 */
public record GroupSentiment(
    String group,
    long texts,
    double meanCompound,
    double positiveShare,
    double negativeShare,
    List<TermCount> topPositiveTerms,
    List<TermCount> topNegativeTerms) {

  public GroupSentiment {
    topPositiveTerms = List.copyOf(topPositiveTerms);
    topNegativeTerms = List.copyOf(topNegativeTerms);
  }
}
