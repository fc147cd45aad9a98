package io.wayfinder.core.voc.themes;

import java.util.List;
import java.util.Random;

/**
 * Spherical k-means (cosine similarity) over unit-length sparse or dense vectors, seeded with
 * k-means++ so a run is deterministic for a given seed. Cosine rather than Euclidean distance
 * because both embeddings and TF-IDF vectors are compared by angle.
 */
public final class KMeans {
  private KMeans() {}

  /** The cluster (0 … k-1) of each point after at most {@code iterations} rounds. */
  public static int[] cluster(List<SparseVector> points, int dimension, int k, int iterations, long seed) {
    int n = points.size();
    if (k < 1 || k > n) throw new IllegalArgumentException("k must be between 1 and the number of texts (" + n + "), got " + k);
    float[] centroids = new float[k * dimension];
    Random random = new Random(seed);
    seed(points, dimension, k, centroids, random);
    int[] assignment = new int[n];
    java.util.Arrays.fill(assignment, -1);
    for (int round = 0; round < iterations; round++) {
      boolean changed = false;
      for (int i = 0; i < n; i++) {
        int best = nearest(points.get(i), centroids, dimension, k);
        if (best != assignment[i]) {
          assignment[i] = best;
          changed = true;
        }
      }
      if (!changed) break;
      java.util.Arrays.fill(centroids, 0);
      int[] sizes = new int[k];
      for (int i = 0; i < n; i++) {
        add(points.get(i), centroids, assignment[i] * dimension);
        sizes[assignment[i]]++;
      }
      for (int c = 0; c < k; c++) {
        // an emptied cluster restarts at a random point rather than vanish
        if (sizes[c] == 0) add(points.get(random.nextInt(n)), centroids, c * dimension);
        normalise(centroids, c * dimension, dimension);
      }
    }
    return assignment;
  }

  private static void seed(List<SparseVector> points, int dimension, int k, float[] centroids, Random random) {
    int n = points.size();
    double[] distance = new double[n];
    java.util.Arrays.fill(distance, Double.MAX_VALUE);
    int pick = random.nextInt(n);
    for (int c = 0; c < k; c++) {
      add(points.get(pick), centroids, c * dimension);
      normalise(centroids, c * dimension, dimension);
      double total = 0;
      for (int i = 0; i < n; i++) {
        double d = Math.max(0, 1 - points.get(i).dot(centroids, c * dimension));
        distance[i] = Math.min(distance[i], d * d);
        total += distance[i];
      }
      double r = random.nextDouble() * total;
      pick = n - 1;
      for (int i = 0; i < n; i++) {
        r -= distance[i];
        if (r <= 0) {
          pick = i;
          break;
        }
      }
    }
  }

  private static int nearest(SparseVector v, float[] centroids, int dimension, int k) {
    int best = 0;
    double bestSim = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      double s = v.dot(centroids, c * dimension);
      if (s > bestSim) {
        bestSim = s;
        best = c;
      }
    }
    return best;
  }

  private static void add(SparseVector v, float[] into, int offset) {
    for (int j = 0; j < v.size(); j++) into[offset + v.index()[j]] += v.value()[j];
  }

  private static void normalise(float[] v, int offset, int length) {
    double n = 0;
    for (int j = offset; j < offset + length; j++) n += v[j] * v[j];
    n = Math.sqrt(n);
    if (n > 0) for (int j = offset; j < offset + length; j++) v[j] /= (float) n;
  }
}
