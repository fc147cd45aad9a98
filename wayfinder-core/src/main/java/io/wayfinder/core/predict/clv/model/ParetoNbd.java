package io.wayfinder.core.predict.clv.model;

import static org.hipparchus.special.Gamma.logGamma;

import io.wayfinder.core.predict.clv.math.Hypergeometric;
import io.wayfinder.core.predict.clv.math.LogMath;
import io.wayfinder.core.predict.clv.math.MaximumLikelihood;
import java.util.Map;

/**
 * The Pareto/NBD model (Schmittlein, Morrison &amp; Colombo 1987): while active a customer buys at
 * Poisson rate λ ~ Gamma(r, α) and has an exponential lifetime with rate μ ~ Gamma(s, β).
 * Likelihood, P(alive) and conditional expectation follow Fader &amp; Hardie's note "Deriving the
 * Pareto/NBD model and related expressions" (2005), which BTYD's {@code hardie=TRUE} uses.
 *
 * <p>The likelihood needs {@code A0 = 2F1(r+s+x, b'; r+s+x+1; z(t_x))/(m+t_x)^(r+s+x) - (same at
 * T)}, with {@code m = max(α, β)}, {@code z(t) = |α-β|/(m+t)} and {@code b' = s+1} if α ≥ β, else
 * {@code r+x}. Euler's transformation turns that 2F1 into {@code ((min(α,β)+t)/(m+t))^(1-b') *
 * 2F1(1, r+s+x+1-b'; r+s+x+1; z)}, a series of positive, decreasing terms bounded by z^n: cheap,
 * overflow-free, and guarded (see {@link Hypergeometric#series}). Where z is close to 1 (a very
 * unequal α and β, which an optimiser may visit), {@code A0} is computed instead from its integral
 * form {@code (r+s+x) ∫_{t_x}^{T} (α+τ)^-(r+x) (β+τ)^-(s+1) dτ} by composite Gauss-Legendre
 * quadrature in {@code log(min(α,β)+τ)}; no parameter value makes the likelihood hang.
 *
 * @param r shape of the purchase-rate distribution
 * @param alpha scale (rate parameter) of the purchase-rate distribution, in time units
 * @param s shape of the dropout-rate distribution
 * @param beta scale (rate parameter) of the dropout-rate distribution, in time units
 */
public record ParetoNbd(double r, double alpha, double s, double beta) implements TransactionModel {

  /** Above this z the series gives way to quadrature (about 800 series terms at most below it). */
  static final double SERIES_MAX_Z = 0.95;

  public ParetoNbd {
    Params.requirePositive("Pareto/NBD", "r", r);
    Params.requirePositive("Pareto/NBD", "alpha", alpha);
    Params.requirePositive("Pareto/NBD", "s", s);
    Params.requirePositive("Pareto/NBD", "beta", beta);
  }

  /** Fits the model by maximum likelihood. */
  public static ModelFit<ParetoNbd> fit(FrequencyData data) {
    long t0 = System.nanoTime();
    double scale = Math.max(data.meanT(), 1e-3);
    MaximumLikelihood.Result res = MaximumLikelihood.maximize(
        p -> new ParetoNbd(p[0], p[1], p[2], p[3]).logLikelihood(data),
        new double[] {1, scale, 1, scale},
        ModelKind.PARETONBD.paramNames().toArray(String[]::new));
    double[] p = res.params();
    ParetoNbd m = new ParetoNbd(p[0], p[1], p[2], p[3]);
    return ModelFit.of(m, ModelKind.PARETONBD, m.params(), res, data.customers(), System.nanoTime() - t0);
  }

  @Override
  public ModelKind kind() {
    return ModelKind.PARETONBD;
  }

  @Override
  public Map<String, Double> params() {
    return Params.map(ModelKind.PARETONBD.paramNames(), r, alpha, s, beta);
  }

  private double base() {
    return -logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
  }

  /**
   * One customer's log-likelihood from logs of α+t and β+t at t_x and T (cached per distinct time
   * when summing over many customers).
   */
  private double rowLogLikelihood(double xTerm, int x, double tx, double T, double laTx, double lbTx, double laT, double lbT) {
    double alive = -(r + x) * laT - s * lbT;
    double died = Math.log(s) - Math.log(r + s + x) + logA0(x, tx, T, laTx, lbTx, laT, lbT);
    return xTerm + LogMath.logAddExp(alive, died);
  }

  @Override
  public double logLikelihood(int x, double tx, double T) {
    TransactionModel.checkCustomer(x, tx, T);
    return rowLogLikelihood(base() + logGamma(r + x), x, tx, T,
        Math.log(alpha + tx), Math.log(beta + tx), Math.log(alpha + T), Math.log(beta + T));
  }

  @Override
  public double logLikelihood(FrequencyData d) {
    double base = base();
    double[] la = d.logShifted(alpha);
    double[] lb = d.logShifted(beta);
    return RowSums.sum(d.size(), (from, to) -> {
      double sum = 0;
      int lastX = -1;
      double xt = 0;
      for (int i = from; i < to; i++) {
        int x = d.x(i);
        if (x != lastX) {
          xt = base + logGamma(r + x);
          lastX = x;
        }
        int ti = d.txIndex(i);
        int bi = d.tIndex(i);
        sum += d.count(i) * rowLogLikelihood(xt, x, d.tx(i), d.T(i), la[ti], lb[ti], la[bi], lb[bi]);
      }
      return sum;
    });
  }

  @Override
  public double expectedPurchases(double t) {
    return conditionalExpectedPurchases(t, 0, 0, 0);
  }

  /**
   * {@code E[Y(t) | x, t_x, T] = (r+x)(β+T) / ((α+T)(s-1)) * [1 - ((β+T)/(β+T+t))^(s-1)] *
   * P(alive)}, with the s = 1 limit {@code (r+x)(β+T)/(α+T) * log((β+T+t)/(β+T))}.
   */
  @Override
  public double conditionalExpectedPurchases(double t, int x, double tx, double T) {
    TransactionModel.checkHorizon(t);
    TransactionModel.checkCustomer(x, tx, T);
    if (t == 0) return 0;
    double l = Math.log(beta + T + t) - Math.log(beta + T);
    return (r + x) * (beta + T) / (alpha + T) * LogMath.oneMinusExpOver(s - 1, l) * probabilityAlive(x, tx, T);
  }

  @Override
  public double probabilityAlive(int x, double tx, double T) {
    TransactionModel.checkCustomer(x, tx, T);
    double laTx = Math.log(alpha + tx);
    double lbTx = Math.log(beta + tx);
    double laT = Math.log(alpha + T);
    double lbT = Math.log(beta + T);
    double logOdds = Math.log(s) - Math.log(r + s + x) + logA0(x, tx, T, laTx, lbTx, laT, lbT) + (r + x) * laT + s * lbT;
    return Math.exp(-LogMath.logAddExp(0, logOdds));
  }

  /** {@code log A0}, from the series where it converges fast, else by quadrature. */
  double logA0(int x, double tx, double T) {
    return logA0(x, tx, T, Math.log(alpha + tx), Math.log(beta + tx), Math.log(alpha + T), Math.log(beta + T));
  }

  private double logA0(int x, double tx, double T, double laTx, double lbTx, double laT, double lbT) {
    if (tx >= T) return Double.NEGATIVE_INFINITY;
    double big = Math.max(alpha, beta);
    double small = Math.min(alpha, beta);
    if ((big - small) / (big + tx) <= SERIES_MAX_Z) {
      boolean alphaBig = alpha >= beta;
      double bPrime = alphaBig ? s + 1 : r + x;
      double hi = logF(tx, x, bPrime, big, small, alphaBig ? lbTx : laTx, alphaBig ? laTx : lbTx);
      double lo = logF(T, x, bPrime, big, small, alphaBig ? lbT : laT, alphaBig ? laT : lbT);
      if (lo >= hi) return Double.NEGATIVE_INFINITY; // t_x and T equal to rounding: A0 is 0
      return hi + LogMath.log1mExp(lo - hi);
    }
    return logA0Quadrature(x, tx, T);
  }

  /**
   * log of {@code 2F1(r+s+x, b'; c; z(t)) / (m+t)^(r+s+x)} with {@code c = r+s+x+1}, via Euler's
   * transformation {@code = ((small+t)/(m+t))^(1-b') 2F1(1, c-b'; c; z)}.
   */
  private double logF(double t, int x, double bPrime, double big, double small, double logSmall, double logBig) {
    double c = r + s + x + 1;
    double z = (big - small) / (big + t);
    double series = z == 0 ? 1 : Hypergeometric.oneB(c - bPrime, c, z, Hypergeometric.DEFAULT_MAX_TERMS);
    return (1 - bPrime) * (logSmall - logBig) + Math.log(series) - (c - 1) * logBig;
  }

  private static final double[] GL_NODES = {
    -0.9602898564975363, -0.7966664774136267, -0.5255324099163290, -0.1834346424956498,
    0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363
  };
  private static final double[] GL_WEIGHTS = {
    0.1012285362903763, 0.2223810344533745, 0.3137066458778873, 0.3626837833783620,
    0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763
  };

  /**
   * {@code log A0} from {@code (r+s+x) ∫_{t_x}^{T} (α+τ)^-(r+x) (β+τ)^-(s+1) dτ}, substituting
   * {@code u = log(min(α,β)+τ)}: the integrand's log then changes at most at rate {@code R =
   * 1+(r+x)+(s+1)} per unit of u, and panels of width 2/R make 8-point Gauss-Legendre exact to
   * double precision.
   */
  double logA0Quadrature(int x, double tx, double T) {
    if (tx >= T) return Double.NEGATIVE_INFINITY;
    double small = Math.min(alpha, beta);
    double dA = alpha - small;
    double dB = beta - small;
    double u0 = Math.log(small + tx);
    double u1 = Math.log(small + T);
    double rate = 1 + (r + x) + (s + 1);
    int panels = (int) Math.min(50_000, Math.max(1, Math.ceil((u1 - u0) * rate / 2)));
    double width = (u1 - u0) / panels;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0; // sum of w * exp(term - max)
    for (int k = 0; k < panels; k++) {
      double mid = u0 + (k + 0.5) * width;
      for (int j = 0; j < GL_NODES.length; j++) {
        double u = mid + GL_NODES[j] * width / 2;
        double e = Math.exp(u);
        double term = u - (r + x) * Math.log(e + dA) - (s + 1) * Math.log(e + dB);
        double w = GL_WEIGHTS[j] * width / 2;
        if (term > max) {
          sum = sum * Math.exp(max - term) + w;
          max = term;
        } else {
          sum += w * Math.exp(term - max);
        }
      }
    }
    return Math.log(r + s + x) + max + Math.log(sum);
  }
}
