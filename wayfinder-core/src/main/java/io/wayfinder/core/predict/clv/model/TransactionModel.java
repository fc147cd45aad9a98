package io.wayfinder.core.predict.clv.model;

import java.util.Map;

/**
 * A fitted (or given) model of repeat-purchase counts for non-contractual customers: BG/NBD,
 * MBG/NBD or Pareto/NBD. Time is in the unit the model was fitted in (weeks for CDNOW).
 *
 * <p>Every customer is described by {@code x} repeat purchases, the last at {@code t_x}, and age
 * {@code T}, both measured from the first purchase; see {@link FrequencyData}.
 */
public sealed interface TransactionModel permits BgNbd, MbgNbd, ParetoNbd {

  /** Which model this is. */
  ModelKind kind();

  /** The parameters under their names in the literature, in the literature's order. */
  Map<String, Double> params();

  /** Log-likelihood of one customer's summary (natural log, the model's time unit). */
  double logLikelihood(int x, double tx, double T);

  /** Total log-likelihood over all customers of {@code data}. */
  double logLikelihood(FrequencyData data);

  /**
   * Expected number of repeat purchases in {@code (0, t]} for a customer who has just made a first
   * purchase: {@code E[X(t)]}.
   */
  double expectedPurchases(double t);

  /** Expected purchases in the next {@code t} time units for a customer with history (x, t_x, T). */
  double conditionalExpectedPurchases(double t, int x, double tx, double T);

  /** Probability that a customer with history (x, t_x, T) is still active at T. */
  double probabilityAlive(int x, double tx, double T);

  /** Checks a customer summary like {@link FrequencyData#of}; shared by the prediction methods. */
  static void checkCustomer(int x, double tx, double T) {
    FrequencyData.check(0, x, tx, T);
  }

  /** Checks a prediction horizon. */
  static void checkHorizon(double t) {
    if (!(Double.isFinite(t) && t >= 0)) throw new IllegalArgumentException("horizon must be finite and >= 0, got " + t);
  }

  /**
   * Fits a four-parameter count model by maximum likelihood from {@code start};
   * {@code make} builds the model from a parameter vector in the order of {@code kind.paramNames()}.
   */
  static <M extends TransactionModel> ModelFit<M> fit(FrequencyData data, ModelKind kind, double[] start,
      java.util.function.Function<double[], M> make) {
    long t0 = System.nanoTime();
    io.wayfinder.core.predict.clv.math.MaximumLikelihood.Result res =
        io.wayfinder.core.predict.clv.math.MaximumLikelihood.maximize(
            p -> make.apply(p).logLikelihood(data), start, kind.paramNames().toArray(String[]::new));
    M m = make.apply(res.params());
    return ModelFit.of(m, kind, m.params(), res, data.customers(), System.nanoTime() - t0);
  }
}
