package io.wayfinder.core.voc.themes;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * How well predicted themes match the true ones: accuracy over all texts, and per theme its
 * precision (of texts assigned the theme, the share that truly have it) and recall (of texts that
 * truly have it, the share assigned it). A theme never predicted has precision 0.
 */
public record ThemeEvaluation(int texts, double accuracy, List<ThemeScore> perTheme) {

  /** One theme's figures; {@code support} is the number of texts that truly have it. */
  public record ThemeScore(String theme, int support, int predicted, double precision, double recall) {}

  public static ThemeEvaluation of(List<String> truth, List<String> predicted) {
    if (truth.size() != predicted.size()) throw new IllegalArgumentException("one prediction per text");
    int correct = 0;
    for (int i = 0; i < truth.size(); i++) if (truth.get(i).equals(predicted.get(i))) correct++;
    List<ThemeScore> scores = new ArrayList<>();
    for (String theme : new TreeSet<>(truth)) {
      int support = 0;
      int assigned = 0;
      int hits = 0;
      for (int i = 0; i < truth.size(); i++) {
        boolean t = truth.get(i).equals(theme);
        boolean p = predicted.get(i).equals(theme);
        if (t) support++;
        if (p) assigned++;
        if (t && p) hits++;
      }
      scores.add(new ThemeScore(theme, support, assigned, assigned == 0 ? 0 : (double) hits / assigned, (double) hits / support));
    }
    return new ThemeEvaluation(truth.size(), truth.isEmpty() ? 0 : (double) correct / truth.size(), scores);
  }
}
