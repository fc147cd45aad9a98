package io.wayfinder.core.predict.churn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A fitted churn model: logistic regression on standardised features,
 * {@code risk = 1 / (1 + exp(−(intercept + Σ w_j·(x_j − mean_j)/scale_j)))}. Kept as plain numbers
 * so a stored model scores without the library that trained it, and the weights read directly as
 * feature importance (change in log-odds of churning per standard deviation of the feature).
 *
 * @param features feature names ({@link ChurnFeatures#NAMES})
 * @param mean training mean of each feature
 * @param scale training standard deviation of each feature (1 where it was 0)
 * @param weights coefficient of each standardised feature
 * @param intercept log-odds of churning at the mean customer
 */
public record ChurnModel(List<String> features, double[] mean, double[] scale, double[] weights, double intercept) {

  /** A feature's weight. */
  public record Importance(String feature, double coefficient) {}

  public ChurnModel {
    features = List.copyOf(features);
    int n = features.size();
    if (mean.length != n || scale.length != n || weights.length != n) {
      throw new IllegalArgumentException("model arrays must all have " + n + " entries");
    }
    for (int j = 0; j < n; j++) {
      if (!Double.isFinite(mean[j]) || !(scale[j] > 0) || !Double.isFinite(weights[j])) {
        throw new IllegalArgumentException("feature " + features.get(j) + ": mean, scale and weight must be finite (scale > 0)");
      }
    }
    if (!Double.isFinite(intercept)) throw new IllegalArgumentException("intercept must be finite");
    mean = mean.clone();
    scale = scale.clone();
    weights = weights.clone();
  }

  /** Probability of churning for raw (not standardised) features. */
  public double risk(double[] x) {
    double z = intercept;
    for (int j = 0; j < weights.length; j++) z += weights[j] * (x[j] - mean[j]) / scale[j];
    return 1 / (1 + Math.exp(-z));
  }

  /** Features by the size of their weight, largest first. */
  public List<Importance> importance() {
    List<Importance> out = new ArrayList<>();
    for (int j = 0; j < weights.length; j++) out.add(new Importance(features.get(j), weights[j]));
    out.sort(Comparator.comparingDouble((Importance i) -> -Math.abs(i.coefficient())));
    return out;
  }
}
