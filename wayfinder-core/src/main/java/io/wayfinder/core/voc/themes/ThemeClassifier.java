package io.wayfinder.core.voc.themes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A team's themes learned from labelled texts: a softmax over the sentence embedding of a text
 * joined with its TF-IDF vector (or TF-IDF alone, the lexical baseline). Embeddings are passed in
 * rather than computed here so a caller embeds each text once and can compare feature sets.
 */
public final class ThemeClassifier {

  /** Which features represent a text. */
  public enum Features { EMBEDDING_AND_TFIDF, TFIDF }

  private final Features features;
  private final TfIdf tfidf;
  private final List<String> themes;
  private final SoftmaxClassifier softmax;

  private ThemeClassifier(Features features, TfIdf tfidf, List<String> themes, SoftmaxClassifier softmax) {
    this.features = features;
    this.tfidf = tfidf;
    this.themes = themes;
    this.softmax = softmax;
  }

  /**
   * Learns {@code labels} from {@code texts}; {@code embeddings} (one unit vector per text) may be
   * null for {@link Features#TFIDF}. Themes are ordered by first appearance.
   */
  public static ThemeClassifier train(List<String> texts, List<String> labels, float[][] embeddings,
      Features features, SoftmaxClassifier.Options options) {
    if (texts.size() != labels.size()) throw new IllegalArgumentException("one label per text");
    Map<String, Integer> ids = new LinkedHashMap<>();
    int[] y = new int[labels.size()];
    for (int i = 0; i < y.length; i++) y[i] = ids.computeIfAbsent(labels.get(i), k -> ids.size());
    if (ids.size() < 2) throw new IllegalArgumentException("at least two themes are needed, got " + ids.keySet());
    TfIdf tfidf = TfIdf.fit(texts, 2);
    ThemeClassifier shell = new ThemeClassifier(features, tfidf, List.copyOf(ids.keySet()), null);
    List<SparseVector> x = shell.vectors(texts, embeddings);
    SoftmaxClassifier softmax = SoftmaxClassifier.train(x, y, ids.size(), shell.dimension(), options);
    return new ThemeClassifier(features, tfidf, shell.themes, softmax);
  }

  /** The themes this model knows, in order of first appearance in the training labels. */
  public List<String> themes() {
    return themes;
  }

  /** The most probable theme of each text and its probability. */
  public List<ThemePrediction> classify(List<String> texts, float[][] embeddings) {
    List<ThemePrediction> out = new ArrayList<>(texts.size());
    double[] p = new double[themes.size()];
    for (SparseVector v : vectors(texts, embeddings)) {
      softmax.probabilities(v, p);
      int best = 0;
      for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
      out.add(new ThemePrediction(themes.get(best), p[best]));
    }
    return out;
  }

  private int dimension() {
    return (features == Features.TFIDF ? 0 : SentenceEmbedder.DIMENSION) + tfidf.dimension();
  }

  private List<SparseVector> vectors(List<String> texts, float[][] embeddings) {
    boolean dense = features != Features.TFIDF;
    if (dense && (embeddings == null || embeddings.length != texts.size())) {
      throw new IllegalArgumentException("one embedding per text is needed for " + features);
    }
    List<SparseVector> x = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      SparseVector sparse = tfidf.transform(texts.get(i));
      if (!dense) {
        x.add(sparse);
      } else {
        SparseVector shifted = new SparseVector(shift(sparse.index(), SentenceEmbedder.DIMENSION), sparse.value());
        x.add(SparseVector.concat(SparseVector.dense(embeddings[i], 0), shifted));
      }
    }
    return x;
  }

  private static int[] shift(int[] idx, int by) {
    int[] out = new int[idx.length];
    for (int i = 0; i < idx.length; i++) out[i] = idx[i] + by;
    return out;
  }
}
