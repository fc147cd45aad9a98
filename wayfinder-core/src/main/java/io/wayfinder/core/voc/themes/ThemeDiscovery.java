package io.wayfinder.core.voc.themes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Themes nobody labelled: k-means over sentence embeddings, each cluster named by its
 * characteristic terms (TF-IDF weight inside the cluster minus the weight over all texts, so words
 * every text uses do not name a theme) and its most typical texts (closest to the cluster's mean
 * embedding). {@link #tfidfClusters} is the lexical baseline the embeddings are compared with.
 */
public final class ThemeDiscovery {
  private static final int ITERATIONS = 50;

  private ThemeDiscovery() {}

  /** A discovered theme: its size, characteristic terms, typical texts (indices into the input). */
  public record DiscoveredTheme(int cluster, int texts, List<String> terms, List<Integer> examples) {}

  /** The clusters of each text and the named themes, largest first. */
  public record Result(int[] clusters, List<DiscoveredTheme> themes) {}

  /** Clusters {@code texts} (with their unit-length {@code embeddings}) into {@code k} themes. */
  public static Result discover(List<String> texts, float[][] embeddings, int k, int terms, int examples, long seed) {
    List<SparseVector> points = new ArrayList<>(texts.size());
    for (float[] e : embeddings) points.add(SparseVector.dense(e, 0));
    int[] clusters = KMeans.cluster(points, SentenceEmbedder.DIMENSION, k, ITERATIONS, seed);
    TfIdf tfidf = TfIdf.fit(texts, 2);
    double[] overall = new double[tfidf.dimension()];
    double[][] inside = new double[k][tfidf.dimension()];
    float[][] mean = new float[k][SentenceEmbedder.DIMENSION];
    int[] sizes = new int[k];
    for (int i = 0; i < texts.size(); i++) {
      SparseVector v = tfidf.transform(texts.get(i));
      int c = clusters[i];
      sizes[c]++;
      for (int j = 0; j < v.size(); j++) {
        overall[v.index()[j]] += v.value()[j] / texts.size();
        inside[c][v.index()[j]] += v.value()[j];
      }
      for (int d = 0; d < SentenceEmbedder.DIMENSION; d++) mean[c][d] += embeddings[i][d];
    }
    List<DiscoveredTheme> themes = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      if (sizes[c] == 0) continue;
      final int cluster = c;
      final int size = sizes[c];
      List<String> top = topIndices(tfidf.dimension(), j -> inside[cluster][j] / size - overall[j], terms)
          .stream().map(tfidf::term).toList();
      List<Integer> members = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) if (clusters[i] == c) members.add(i);
      members.sort(Comparator.comparingDouble(i -> -dot(embeddings[i], mean[cluster])));
      themes.add(new DiscoveredTheme(c, size, top, List.copyOf(members.subList(0, Math.min(examples, members.size())))));
    }
    themes.sort(Comparator.comparingInt(DiscoveredTheme::texts).reversed());
    return new Result(clusters, themes);
  }

  /** k-means on TF-IDF vectors of {@code texts}, the lexical baseline. */
  public static int[] tfidfClusters(List<String> texts, int k, long seed) {
    TfIdf tfidf = TfIdf.fit(texts, 2);
    List<SparseVector> points = texts.stream().map(tfidf::transform).toList();
    return KMeans.cluster(points, tfidf.dimension(), k, ITERATIONS, seed);
  }

  private static List<Integer> topIndices(int n, java.util.function.IntToDoubleFunction score, int limit) {
    List<Integer> all = new ArrayList<>(n);
    for (int j = 0; j < n; j++) all.add(j);
    all.sort(Comparator.comparingDouble(j -> -score.applyAsDouble(j)));
    return List.copyOf(all.subList(0, Math.min(limit, n)));
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }
}
