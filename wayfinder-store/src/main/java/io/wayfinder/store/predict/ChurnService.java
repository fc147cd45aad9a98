package io.wayfinder.store.predict;

import io.wayfinder.core.predict.churn.ChurnConfig;
import io.wayfinder.core.predict.churn.ChurnModel;
import io.wayfinder.core.predict.churn.ChurnScore;
import io.wayfinder.core.predict.churn.ChurnTrainer;
import io.wayfinder.core.predict.churn.ChurnTraining;
import io.wayfinder.core.predict.churn.ClassifierMetrics;
import io.wayfinder.core.predict.churn.Interaction;
import io.wayfinder.core.predict.segment.ValueSegmenter;
import io.wayfinder.store.DataEnd;
import io.wayfinder.store.Database;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Churn risk on the event store: trains on the journey events, stores the run (coefficients,
 * holdout AUC and calibration, feature importance, window) and writes every profile's risk.
 */
public final class ChurnService {
  // Tribuo logs every training epoch through java.util.logging at INFO; keep the console quiet.
  // The field holds the logger strongly: JUL keeps only weak references, so a level set on an
  // unreferenced logger can be lost.
  private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

  static {
    TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  private final Database db;
  private final PredictionStore runs;
  private final ProfilePredictions profiles;

  public ChurnService(Database db) {
    this.db = db;
    this.runs = new PredictionStore(db);
    this.profiles = new ProfilePredictions(db);
  }

  /**
   * @param purchaseEvent the purchase event's name
   * @param windowDays label window in days
   * @param asOf scoring time (null: just after the last event of the history, {@link DataEnd})
   */
  public record Request(String purchaseEvent, int windowDays, Instant asOf) {
    public static final Request DEFAULT = new Request("Order Completed", 90, null);

    ChurnConfig config() {
      return ChurnConfig.DEFAULT.withPurchaseEvent(purchaseEvent).withWindowDays(windowDays);
    }
  }

  /** Trains and validates the model, stores the run, writes the risks to the profiles. */
  public Outcome train(Request req) {
    ChurnConfig config = req.config();
    PredictionEvents.requireWithinData(db, day(req.asOf()), "asOf");
    Instant asOf = asOf(req.asOf());
    List<Interaction> events = PredictionEvents.interactions(db, null, asOf);
    ChurnTraining t = ChurnTrainer.train(events, asOf, config);
    ChurnModel m = t.model();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("features", m.features());
    params.put("mean", m.mean());
    params.put("scale", m.scale());
    params.put("weights", m.weights());
    params.put("intercept", m.intercept());
    params.put("purchase_event", config.purchaseEvent());
    params.put("window_days", config.windowDays());
    params.put("recent_days", config.recentDays());
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("holdout", holdout(t.holdout()));
    metrics.put("importance", m.importance());
    metrics.put("validation_cutoff", t.validationCutoff().toString());
    metrics.put("training_cutoffs", t.trainingCutoffs().stream().map(Instant::toString).toList());
    metrics.put("training_rows", t.trainingRows());
    metrics.put("seconds", t.nanos() / 1e9);
    List<PredictionStore.Score> scores = scores(t.scores());
    PredictionStore.Run run = runs.save("churn", "logistic", params, null, metrics, t.dataStart(), t.asOf(), scores);
    return publish(run, scores);
  }

  /** Scores the profiles with the latest model on the events up to {@code asOf} (null: all). */
  public Outcome score(Instant asOf) {
    asOf = asOf(asOf);
    PredictionStore.Run run = runs.latest("churn")
        .orElseThrow(() -> new IllegalArgumentException("no churn model yet: train one first (wayfinder churn train, POST /api/churn/train)"));
    Map<String, Object> p = run.params();
    @SuppressWarnings("unchecked") List<String> features = (List<String>) p.get("features");
    ChurnModel model = new ChurnModel(features, array(p, "mean"), array(p, "scale"), array(p, "weights"), ClvService.num(p, "intercept"));
    ChurnConfig config = new Request((String) p.get("purchase_event"), (int) ClvService.num(p, "window_days"), asOf).config();
    PredictionEvents.requireWithinData(db, day(asOf), "asOf");
    List<Interaction> events = PredictionEvents.interactions(db, null, asOf);
    if (events.isEmpty()) throw new IllegalArgumentException("no events to score" + (asOf == null ? "" : " before " + asOf));
    return publish(run, scores(ChurnTrainer.score(model, events, asOf, config)));
  }

  /** The given time, else just after the last event of the history ({@link DataEnd}): a few late events cannot move it. */
  private Instant asOf(Instant given) {
    if (given != null) return given;
    Instant end = DataEnd.of(db);
    return end == null ? null : end.plusMillis(1);
  }

  private static java.time.LocalDate day(Instant t) {
    return t == null ? null : java.time.LocalDate.ofInstant(t, java.time.ZoneOffset.UTC);
  }

  private Outcome publish(PredictionStore.Run run, List<PredictionStore.Score> scores) {
    runs.publish("churn", run.id(), scores);
    profiles.resegment(ValueSegmenter.DEFAULT);
    return new Outcome(run, scores.size(), profiles.segments());
  }

  private static List<PredictionStore.Score> scores(List<ChurnScore> scores) {
    return scores.stream().map(s -> new PredictionStore.Score(Long.parseLong(s.customer()), null, null, null, null, s.risk())).toList();
  }

  private static Map<String, Object> holdout(ClassifierMetrics h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rows", h.rows());
    m.put("churned", h.positives());
    m.put("auc", h.auc());
    m.put("brier", h.brier());
    m.put("base_rate", h.baseRate());
    m.put("reliability", h.reliability());
    return m;
  }

  private static double[] array(Map<String, Object> p, String key) {
    if (!(p.get(key) instanceof List<?> l)) throw new IllegalStateException("stored churn run lacks '" + key + "'");
    return l.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
  }
}
