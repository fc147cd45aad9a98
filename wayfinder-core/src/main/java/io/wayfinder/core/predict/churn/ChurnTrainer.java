package io.wayfinder.core.predict.churn;

import io.wayfinder.core.voc.sentiment.SentimentAnalyzer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the churn model (Tribuo logistic regression) on snapshots of customer behaviour, validates
 * it on a later, unseen period and scores every customer.
 *
 * <p>Time-based holdout: with label window W and scoring time T, the validation cut-off is
 * {@code T − W} (its labels use the last W of data) and the training cut-offs are
 * {@code T − 2W, T − 3W, ...}. Features come only from events before a cut-off; a customer's label
 * is "churned" when she makes no purchase in the W after it. So the reported AUC is that of a
 * model applied to a period after the one it learnt from, as it will be used.
 */
public final class ChurnTrainer {
  static final String CHURNED = "churned";
  static final String ACTIVE = "active";
  private static final long DAY = 86_400_000L;
  private static final int EPOCHS = 15;

  private ChurnTrainer() {}

  /**
   * @param interactions every relevant event of every customer, in any order
   * @param asOf scoring time (events at or after it are ignored); null: just after the latest event
   * @throws IllegalArgumentException when the data cannot support a model: no purchases, too short a
   *     history for the windows, or a cut-off where every customer churned (or none did)
   */
  public static ChurnTraining train(Iterable<Interaction> interactions, Instant asOf, ChurnConfig config) {
    long t0 = System.nanoTime();
    List<CustomerHistory> histories = CustomerHistory.of(interactions, config, SentimentAnalyzer.vader());
    if (histories.isEmpty()) throw new IllegalArgumentException("no events: nothing to learn churn from");
    long first = histories.stream().mapToLong(h -> h.time[0]).min().getAsLong();
    long end = asOf != null ? asOf.toEpochMilli() : histories.stream().mapToLong(h -> h.time[h.time.length - 1]).max().getAsLong() + 1;
    long firstPurchase = histories.stream().mapToLong(CustomerHistory::firstPurchase).min().getAsLong();
    if (firstPurchase == Long.MAX_VALUE) {
      throw new IllegalArgumentException("no '" + config.purchaseEvent() + "' events: churn is defined by purchases");
    }
    if (firstPurchase >= end) throw new IllegalArgumentException("no purchase before " + Instant.ofEpochMilli(end));
    long window = config.windowDays() * DAY;
    long validation = end - window;
    List<Long> cutoffs = new ArrayList<>();
    for (int k = 1; k <= config.trainingSnapshots(); k++) {
      long c = validation - k * window;
      if (c > firstPurchase) cutoffs.add(c);
    }
    if (cutoffs.isEmpty()) {
      throw new IllegalArgumentException("the purchases span " + (end - firstPurchase) / DAY + " days (first "
          + Instant.ofEpochMilli(firstPurchase) + ", scoring at " + Instant.ofEpochMilli(end) + "): a time-based holdout "
          + "with a " + config.windowDays() + "-day window needs more than " + 2 * config.windowDays()
          + " days (a training and a validation window); use a shorter window");
    }
    Rows train = Rows.at(histories, cutoffs, window, config);
    Rows valid = Rows.at(histories, List.of(validation), window, config);
    train.requireBothClasses("training");
    valid.requireBothClasses("validation");
    ChurnModel holdoutModel = fit(train, config.seed());
    double[] p = new double[valid.x.size()];
    for (int i = 0; i < p.length; i++) p[i] = holdoutModel.risk(valid.x.get(i));
    ClassifierMetrics holdout = ClassifierMetrics.of(p, valid.labels());

    Rows all = train.plus(valid);
    ChurnModel model = fit(all, config.seed());
    List<ChurnScore> scores = score(model, histories, end, config);
    return new ChurnTraining(model, holdout, Instant.ofEpochMilli(validation),
        cutoffs.stream().map(Instant::ofEpochMilli).toList(), train.x.size(), Instant.ofEpochMilli(end),
        Instant.ofEpochMilli(first), scores, System.nanoTime() - t0);
  }

  /** Scores every customer with a purchase before {@code asOf} (null: after the latest event), riskiest first. */
  public static List<ChurnScore> score(ChurnModel model, Iterable<Interaction> interactions, Instant asOf, ChurnConfig config) {
    List<CustomerHistory> histories = CustomerHistory.of(interactions, config, SentimentAnalyzer.vader());
    long end = asOf != null ? asOf.toEpochMilli() : histories.stream().mapToLong(h -> h.time[h.time.length - 1]).max().orElse(0) + 1;
    return score(model, histories, end, config);
  }

  private static List<ChurnScore> score(ChurnModel model, List<CustomerHistory> histories, long at, ChurnConfig config) {
    List<ChurnScore> out = new ArrayList<>();
    for (CustomerHistory h : histories) {
      double[] x = ChurnFeatures.at(h, at, config);
      if (x != null) out.add(new ChurnScore(h.customer, model.risk(x)));
    }
    out.sort(Comparator.comparingDouble(ChurnScore::risk).reversed().thenComparing(ChurnScore::customer));
    return out;
  }

  /** Standardises the rows, fits Tribuo's logistic regression and reads its weights back. */
  static ChurnModel fit(Rows rows, long seed) {
    int d = ChurnFeatures.NAMES.size();
    double[] mean = new double[d];
    double[] scale = new double[d];
    int n = rows.x.size();
    for (double[] x : rows.x) for (int j = 0; j < d; j++) mean[j] += x[j] / n;
    for (double[] x : rows.x) for (int j = 0; j < d; j++) scale[j] += (x[j] - mean[j]) * (x[j] - mean[j]) / n;
    for (int j = 0; j < d; j++) scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1;
    String[] names = ChurnFeatures.NAMES.toArray(String[]::new);
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("churn snapshots", factory), factory);
    for (int i = 0; i < n; i++) {
      double[] z = new double[d];
      for (int j = 0; j < d; j++) z[j] = (rows.x.get(i)[j] - mean[j]) / scale[j];
      data.add(new ArrayExample<>(new Label(rows.y.get(i) ? CHURNED : ACTIVE), names, z));
    }
    // Logging interval beyond the data: Tribuo would otherwise log the loss every 100 examples.
    LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), EPOCHS, Integer.MAX_VALUE, 1, seed);
    LinearSGDModel m = trainer.train(data);
    DenseMatrix w = m.getWeightsCopy();
    int churned = m.getOutputIDInfo().getID(new Label(CHURNED));
    int active = m.getOutputIDInfo().getID(new Label(ACTIVE));
    ImmutableFeatureMap fm = m.getFeatureIDMap();
    double[] weights = new double[d];
    for (int j = 0; j < d; j++) {
      int id = fm.getID(names[j]);
      // Two-class softmax = logistic on the difference of the two rows (a feature Tribuo never saw
      // non-zero has no column: weight 0).
      if (id >= 0) weights[j] = w.get(churned, id) - w.get(active, id);
    }
    int bias = w.getDimension2Size() - 1;
    return new ChurnModel(ChurnFeatures.NAMES, mean, scale, weights, w.get(churned, bias) - w.get(active, bias));
  }

  /** Labelled customer snapshots. */
  static final class Rows {
    final List<double[]> x = new ArrayList<>();
    final List<Boolean> y = new ArrayList<>();

    static Rows at(List<CustomerHistory> histories, List<Long> cutoffs, long window, ChurnConfig config) {
      Rows r = new Rows();
      for (long c : cutoffs) {
        for (CustomerHistory h : histories) {
          double[] f = ChurnFeatures.at(h, c, config);
          if (f == null) continue;
          r.x.add(f);
          r.y.add(!h.purchasedBetween(c, c + window));
        }
      }
      return r;
    }

    boolean[] labels() {
      boolean[] out = new boolean[y.size()];
      for (int i = 0; i < out.length; i++) out[i] = y.get(i);
      return out;
    }

    Rows plus(Rows other) {
      Rows r = new Rows();
      r.x.addAll(x);
      r.x.addAll(other.x);
      r.y.addAll(y);
      r.y.addAll(other.y);
      return r;
    }

    void requireBothClasses(String what) {
      long churned = y.stream().filter(b -> b).count();
      if (x.isEmpty()) throw new IllegalArgumentException("no customers with a purchase before the " + what + " cut-off");
      if (churned == 0 || churned == y.size()) {
        throw new IllegalArgumentException("at the " + what + " cut-off " + (churned == 0 ? "every" : "no") + " one of "
            + y.size() + " customers purchased again within the window: nothing to learn from");
      }
    }
  }
}
