package io.wayfinder.core.predict.clv.math;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Maximises a log-likelihood over strictly positive parameters.
 *
 * <p>The search runs on {@code theta = log(parameter)} with Hipparchus' BOBYQA (bounded, derivative
 * free, so it never takes an unbounded line search into extreme parameters), inside the box
 * {@code |theta| <= LOG_BOUND}, down to a trust-region radius of 1e-8. At its end point a
 * finite-difference gradient and Hessian on theta check the optimum and a Newton step polishes it
 * (guarded: a step is kept only if it raises the likelihood; large steps are halved and
 * iterated). Standard errors come from the inverse of the
 * negative Hessian of the log-likelihood in the natural parameters, obtained from the one on theta
 * by the chain rule (no extra evaluations).
 */
public final class MaximumLikelihood {
  /** Parameters are searched in {@code [exp(-LOG_BOUND), exp(LOG_BOUND)]}. */
  public static final double LOG_BOUND = 18;

  private static final int MAX_EVALUATIONS = 20_000;
  private static final double PENALTY = -1e100;
  /**
   * BOBYQA's final trust-region radius in log-parameter space. Coarse on purpose: the Newton step
   * that follows takes the parameters from ~1e-4 to ~1e-10 of the optimum for one evaluation,
   * where BOBYQA would need ~30 more.
   */
  private static final double STOPPING_RADIUS = 1e-4;
  /** Finite-difference step on theta: far above rounding noise, far below the curvature scale. */
  private static final double STEP = 1e-4;
  private static final int MAX_NEWTON_STEPS = 5;
  /** Below this (in log parameters) a Newton step is final: the Hessian is not recomputed. */
  private static final double SMALL_STEP = 1e-4;

  private MaximumLikelihood() {}

  /**
   * The outcome of a fit.
   *
   * @param params the maximising parameters (natural scale)
   * @param logLikelihood the log-likelihood there
   * @param standardErrors one per parameter; {@code NaN} where the Hessian is not negative definite
   * @param evaluations log-likelihood evaluations used, including the Hessian
   * @param converged whether the search ended inside the box with a vanishing gradient
   * @param warnings why the fit is doubtful, if it is
   */
  public record Result(
      double[] params,
      double logLikelihood,
      double[] standardErrors,
      int evaluations,
      boolean converged,
      List<String> warnings) {}

  /**
   * Maximises {@code logLik} starting from {@code start}.
   *
   * @param logLik the log-likelihood of natural-scale parameters; may return a non-finite value
   *     where the model is undefined, which the search treats as very unlikely
   * @param start a strictly positive starting point
   * @param names parameter names, used in warnings
   */
  public static Result maximize(ToDoubleFunction<double[]> logLik, double[] start, String[] names) {
    int n = start.length;
    int[] count = {0};
    ToDoubleFunction<double[]> onLog = theta -> {
      count[0]++;
      double[] p = new double[n];
      for (int i = 0; i < n; i++) p[i] = Math.exp(theta[i]);
      double v = logLik.applyAsDouble(p);
      return Double.isFinite(v) ? v : PENALTY;
    };
    double[] theta0 = new double[n];
    double[] lower = new double[n];
    double[] upper = new double[n];
    for (int i = 0; i < n; i++) {
      if (!(start[i] > 0) || !Double.isFinite(start[i])) {
        throw new IllegalArgumentException("start value of " + names[i] + " must be positive: " + start[i]);
      }
      theta0[i] = Math.max(-LOG_BOUND + 1, Math.min(LOG_BOUND - 1, Math.log(start[i])));
      lower[i] = -LOG_BOUND;
      upper[i] = LOG_BOUND;
    }
    List<String> warnings = new ArrayList<>();
    boolean converged = true;
    double[] theta;
    double best;
    try {
      BOBYQAOptimizer bobyqa = new BOBYQAOptimizer(2 * n + 1, 0.5, STOPPING_RADIUS);
      PointValuePair opt = bobyqa.optimize(
          new MaxEval(MAX_EVALUATIONS),
          new ObjectiveFunction(onLog::applyAsDouble),
          GoalType.MAXIMIZE,
          new InitialGuess(theta0),
          new SimpleBounds(lower, upper));
      theta = opt.getPoint();
      best = opt.getValue();
    } catch (MathIllegalStateException e) {
      // Evaluation budget exhausted: keep the start and let Newton try; report non-convergence.
      theta = theta0.clone();
      best = onLog.applyAsDouble(theta);
      converged = false;
      warnings.add("BOBYQA stopped early: " + e.getMessage());
    }
    if (best == PENALTY) {
      throw new ArithmeticException("the log-likelihood is not finite anywhere the search looked");
    }

    // Check the end point with the finite-difference gradient and Hessian on theta. A small
    // Newton step (the usual case) is taken once without recomputing them; a larger one starts a
    // guarded Newton iteration. The same Hessian gives the standard errors.
    Derivatives d = derivatives(onLog, theta, best, STEP);
    boolean settled = false;
    for (int iter = 0; iter < MAX_NEWTON_STEPS; iter++) {
      double[] step = newtonStep(d.hessian(), d.gradient());
      if (step == null) break; // not negative definite: no quadratic model to trust
      boolean small = maxAbs(step) < SMALL_STEP;
      double[] trial = null;
      double f = best;
      for (int halving = 0; halving < (small ? 1 : 30) && !(f > best); halving++) {
        trial = new double[n];
        for (int i = 0; i < n; i++) trial[i] = clamp(theta[i] + step[i]);
        f = onLog.applyAsDouble(trial);
        for (int i = 0; i < n; i++) step[i] /= 2;
      }
      boolean improved = f > best;
      if (improved) {
        theta = trial;
        best = f;
      }
      if (small) {
        settled = true; // at the optimum up to the square of the step, whether or not rounding let it gain
        break;
      }
      if (!improved) break;
      d = derivatives(onLog, theta, best, STEP);
    }

    double[] params = new double[n];
    for (int i = 0; i < n; i++) {
      params[i] = Math.exp(theta[i]);
      if (Math.abs(theta[i]) > LOG_BOUND - 1e-3) {
        converged = false;
        warnings.add(names[i] + " ran to the edge of the search box (" + params[i]
            + "): the data do not identify it; predictions may still be usable");
      }
    }
    if (!settled) {
      converged = false;
      warnings.add("the optimum is not confirmed by a Newton step (max |dLL/dlog p| = " + maxAbs(d.gradient()) + ")");
    }

    // Hessian in the natural parameters from the one in theta = log p:
    // d2f/dp_i dp_j = (d2f/dtheta_i dtheta_j - [i == j] df/dtheta_i) / (p_i p_j).
    double[][] natural = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        natural[i][j] = (d.hessian()[i][j] - (i == j ? d.gradient()[i] : 0)) / (params[i] * params[j]);
      }
    }
    double[] se = standardErrors(natural);
    if (Double.isNaN(se[0])) warnings.add("no standard errors: the Hessian is not negative definite");
    return new Result(params, logLik.applyAsDouble(params), se, count[0], converged, List.copyOf(warnings));
  }

  /** Standard errors from a Hessian of the log-likelihood; all {@code NaN} if it is not negative definite. */
  private static double[] standardErrors(double[][] hessian) {
    int n = hessian.length;
    double[] se = new double[n];
    try {
      RealMatrix negH = MatrixUtils.createRealMatrix(hessian).scalarMultiply(-1);
      RealMatrix cov = new CholeskyDecomposition(negH, 1e-12, 1e-14).getSolver().getInverse();
      for (int i = 0; i < n; i++) se[i] = Math.sqrt(cov.getEntry(i, i));
    } catch (RuntimeException notPositiveDefinite) {
      Arrays.fill(se, Double.NaN);
    }
    return se;
  }

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double x : v) m = Math.max(m, Math.abs(x));
    return m;
  }

  private static double[] newtonStep(double[][] h, double[] g) {
    try {
      RealMatrix negH = MatrixUtils.createRealMatrix(h).scalarMultiply(-1);
      RealVector step = new CholeskyDecomposition(negH, 1e-12, 1e-14).getSolver().solve(MatrixUtils.createRealVector(g));
      return step.toArray();
    } catch (RuntimeException notPositiveDefinite) {
      return null;
    }
  }

  private static double clamp(double theta) {
    return Math.max(-LOG_BOUND, Math.min(LOG_BOUND, theta));
  }

  /** Central-difference gradient and Hessian of f at x, where f(x) = f0 is known (2n^2 evaluations). */
  static Derivatives derivatives(ToDoubleFunction<double[]> f, double[] x, double f0, double h) {
    int n = x.length;
    double[] g = new double[n];
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      double[] p = x.clone();
      p[i] = x[i] + h;
      double up = f.applyAsDouble(p);
      p[i] = x[i] - h;
      double down = f.applyAsDouble(p);
      g[i] = (up - down) / (2 * h);
      m[i][i] = (up - 2 * f0 + down) / (h * h);
      for (int j = 0; j < i; j++) {
        double[] q = x.clone();
        q[i] = x[i] + h;
        q[j] = x[j] + h;
        double pp = f.applyAsDouble(q);
        q[j] = x[j] - h;
        double pm = f.applyAsDouble(q);
        q[i] = x[i] - h;
        double mm = f.applyAsDouble(q);
        q[j] = x[j] + h;
        double mp = f.applyAsDouble(q);
        m[i][j] = m[j][i] = (pp - pm - mp + mm) / (4 * h * h);
      }
    }
    return new Derivatives(g, m);
  }

  record Derivatives(double[] gradient, double[][] hessian) {}
}
