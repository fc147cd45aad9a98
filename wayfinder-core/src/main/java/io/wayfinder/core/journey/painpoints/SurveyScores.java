package io.wayfinder.core.journey.painpoints;

import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.dataset.SurveyAnswer;
import io.wayfinder.core.voc.kpi.ScoreScale;
import io.wayfinder.core.voc.sentiment.SentimentAnalyzer;
import io.wayfinder.core.voc.sentiment.SentimentClass;

/**
 * Survey answers of one group (journey stage, touchpoint) as KPI-ready sums: score counts per
 * scale, a 0–1 normalised mean over all scales, and the share of negative comments.
 */
final class SurveyScores {
  final long[][] counts = new long[ScoreScale.values().length][11];
  final Affected respondents = new Affected();
  double normalisedSum;
  int answers;
  int comments;
  int negative;

  /** The scale of an answer's question type, or null when unknown or the score is off it. */
  static ScoreScale scale(SurveyAnswer a) {
    if (a.questionType() == null || a.score() == null) return null;
    try {
      ScoreScale s = ScoreScale.valueOf(a.questionType().toUpperCase());
      return s.accepts(a.score()) ? s : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  void add(JourneyDataset d, SurveyAnswer a, ScoreScale scale, SentimentAnalyzer sentiment) {
    counts[scale.ordinal()][a.score() - scale.min()]++;
    normalisedSum += (double) (a.score() - scale.min()) / (scale.max() - scale.min());
    answers++;
    respondents.add(d.index().caseColumn()[a.event()]);
    if (a.comment() != null && !a.comment().isBlank()) {
      comments++;
      if (SentimentClass.of(sentiment.score(a.comment()).compound()) == SentimentClass.NEGATIVE) negative++;
    }
  }

  double mean() {
    return answers == 0 ? Double.NaN : normalisedSum / answers;
  }

  double negativeShare() {
    return comments == 0 ? 0 : (double) negative / comments;
  }

  /** Score counts of one scale, for the KPI classes. */
  java.util.Map<Integer, Long> countsOf(ScoreScale scale) {
    java.util.Map<Integer, Long> m = new java.util.HashMap<>();
    for (int k = 0; k < scale.size(); k++) if (counts[scale.ordinal()][k] > 0) m.put(scale.min() + k, counts[scale.ordinal()][k]);
    return m;
  }
}
