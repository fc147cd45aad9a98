package io.wayfinder.core.voc.themes;

import java.util.List;
import java.util.Random;

/**
 * Multinomial logistic regression (softmax) over sparse features, trained by stochastic gradient
 * descent with AdaGrad step sizes and L2 weight decay. AdaGrad gives rare TF-IDF terms larger steps
 * than the always-present embedding dimensions, so the two kinds of features need no hand tuning of
 * their learning rates. Training is deterministic for a given seed.
 */
public final class SoftmaxClassifier {

  /**
   * Training settings: passes over the data, base AdaGrad step, the fraction of every weight
   * removed after each pass (L2 weight decay), and the shuffle seed.
   */
  public record Options(int epochs, double learningRate, double l2, long seed) {
    public static Options defaults() {
      return new Options(10, 0.3, 0.005, 42);
    }
  }

  private final int classes;
  private final int dimension;
  private final float[] weights; // class-major: weights[c * dimension + j]
  private final float[] bias;

  private SoftmaxClassifier(int classes, int dimension, float[] weights, float[] bias) {
    this.classes = classes;
    this.dimension = dimension;
    this.weights = weights;
    this.bias = bias;
  }

  /** Learns to predict {@code labels[i]} (0 … classes-1) from {@code x.get(i)}. */
  public static SoftmaxClassifier train(List<SparseVector> x, int[] labels, int classes, int dimension, Options o) {
    float[] w = new float[classes * dimension];
    float[] g2 = new float[classes * dimension];
    float[] b = new float[classes];
    float[] gb = new float[classes];
    SoftmaxClassifier model = new SoftmaxClassifier(classes, dimension, w, b);
    int[] order = new int[x.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Random random = new Random(o.seed());
    double[] p = new double[classes];
    float eps = 1e-6f;
    for (int epoch = 0; epoch < o.epochs(); epoch++) {
      shuffle(order, random);
      for (int i : order) {
        SparseVector v = x.get(i);
        model.probabilities(v, p);
        for (int c = 0; c < classes; c++) {
          float g = (float) (p[c] - (labels[i] == c ? 1 : 0));
          // once trained, most classes get a probability near 0 for a text not theirs: skipping
          // their negligible steps makes a pass several times faster
          if (Math.abs(g) < 1e-4) continue;
          int base = c * dimension;
          for (int k = 0; k < v.size(); k++) {
            int at = base + v.index()[k];
            float gk = g * v.value()[k];
            g2[at] += gk * gk;
            w[at] -= (float) (o.learningRate() * gk / Math.sqrt(g2[at] + eps));
          }
          gb[c] += g * g;
          b[c] -= (float) (o.learningRate() * g / Math.sqrt(gb[c] + eps));
        }
      }
      // decay once per pass: the same shrinkage as per-example decay to first order, at a
      // fraction of the cost (the weight matrix is classes × dimension)
      float keep = (float) Math.max(0, 1 - o.l2());
      if (keep < 1) for (int j = 0; j < w.length; j++) w[j] *= keep;
    }
    return model;
  }

  private static void shuffle(int[] a, Random r) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** The number of classes. */
  public int classes() {
    return classes;
  }

  /** Fills {@code out} with the class probabilities of {@code v}. */
  public void probabilities(SparseVector v, double[] out) {
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < classes; c++) {
      out[c] = bias[c] + v.dot(weights, c * dimension);
      max = Math.max(max, out[c]);
    }
    double sum = 0;
    for (int c = 0; c < classes; c++) sum += out[c] = Math.exp(out[c] - max);
    for (int c = 0; c < classes; c++) out[c] /= sum;
  }

  /** The class probabilities of {@code v}. */
  public double[] probabilities(SparseVector v) {
    double[] p = new double[classes];
    probabilities(v, p);
    return p;
  }
}
