package io.wayfinder.core.predict.clv.model;

import io.wayfinder.core.predict.clv.math.MaximumLikelihood;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model fitted by maximum likelihood, with what is known about the fit.
 *
 * @param model the fitted model
 * @param kind which model
 * @param params the estimates under their literature names
 * @param standardErrors asymptotic standard errors (inverse negative Hessian of the
 *     log-likelihood); a parameter is missing when the Hessian is not negative definite
 * @param logLikelihood total log-likelihood at the estimates
 * @param customers customers in the fit
 * @param evaluations log-likelihood evaluations (search, polish and Hessian)
 * @param converged whether the optimiser ended at an interior point with zero gradient
 * @param warnings reasons to doubt the fit, empty when all is well
 * @param fitNanos wall-clock time of the fit
 */
public record ModelFit<M>(
    M model,
    ModelKind kind,
    Map<String, Double> params,
    Map<String, Double> standardErrors,
    double logLikelihood,
    int customers,
    int evaluations,
    boolean converged,
    List<String> warnings,
    long fitNanos) {

  static <M> ModelFit<M> of(M model, ModelKind kind, Map<String, Double> params, MaximumLikelihood.Result r, int customers, long nanos) {
    Map<String, Double> se = new LinkedHashMap<>();
    List<String> names = kind.paramNames();
    for (int i = 0; i < names.size(); i++) {
      if (Double.isFinite(r.standardErrors()[i])) se.put(names.get(i), r.standardErrors()[i]);
    }
    return new ModelFit<>(model, kind, params, java.util.Collections.unmodifiableMap(se), r.logLikelihood(),
        customers, r.evaluations(), r.converged(), r.warnings(), nanos);
  }

  /** The same fit typed by the model's interface. */
  ModelFit<TransactionModel> widen() {
    return new ModelFit<>((TransactionModel) model, kind, params, standardErrors, logLikelihood, customers,
        evaluations, converged, warnings, fitNanos);
  }
}
