package io.wayfinder.core.predict.clv.model;

import static org.hipparchus.special.Gamma.logGamma;

import io.wayfinder.core.predict.clv.math.Hypergeometric;
import io.wayfinder.core.predict.clv.math.LogMath;
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
 * overflow-free, and guarded (see {@link Hypergeometric#oneB}). Where z is close to 1 (a very
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

  /** Largest number of distinct times for which the likelihood memoises log F per chunk. */
  private static final int MEMO_TIMES = 4096;

  public ParetoNbd {
    Params.requirePositive("Pareto/NBD", "r", r);
    Params.requirePositive("Pareto/NBD", "alpha", alpha);
    Params.requirePositive("Pareto/NBD", "s", s);
    Params.requirePositive("Pareto/NBD", "beta", beta);
  }

  /** Fits the model by maximum likelihood. */
  public static ModelFit<ParetoNbd> fit(FrequencyData data) {
    double scale = Math.max(data.meanT(), 1e-3);
    double[] start = {1, scale, 1, scale};
    return TransactionModel.fit(data, ModelKind.PARETONBD, start, p -> new ParetoNbd(p[0], p[1], p[2], p[3]));
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

  @Override
  public double logLikelihood(int x, double tx, double T) {
    TransactionModel.checkCustomer(x, tx, T);
    Times one = Times.of(this, tx, T);
    return base() + logGamma(r + x) + LogMath.logAddExp(one.aliveTerm(this, x, 1), logDied(x, one));
  }

  @Override
  public double logLikelihood(FrequencyData d) {
    double base = base();
    Times times = new Times(d.times(), d.logShifted(alpha), d.logShifted(beta));
    // log F depends on the row only through x and one time value, and rows that share x share
    // many times (every T of customers who started on the same day): memoise it per chunk when
    // there are few enough distinct times for a per-chunk table.
    boolean memo = times.t.length <= MEMO_TIMES;
    return RowSums.sum(d.size(), (from, to) -> {
      double[] memoF = memo ? new double[times.t.length] : null;
      int[] memoX = memo ? new int[times.t.length] : null;
      double sum = 0;
      int lastX = -1;
      double xt = 0;
      double logSOverRsx = 0;
      for (int i = from; i < to; i++) {
        int x = d.x(i);
        if (x != lastX) {
          xt = base + logGamma(r + x);
          logSOverRsx = Math.log(s) - Math.log(r + s + x);
          lastX = x;
        }
        int bi = d.tIndex(i);
        double died = logSOverRsx + logA0(x, d.txIndex(i), bi, times, memoF, memoX);
        sum += d.count(i) * (xt + LogMath.logAddExp(times.aliveTerm(this, x, bi), died));
      }
      return sum;
    });
  }

  /** Time values with log(α+t) and log(β+t) for each. */
  private record Times(double[] t, double[] la, double[] lb) {
    static Times of(ParetoNbd m, double tx, double T) {
      return new Times(new double[] {tx, T}, new double[] {Math.log(m.alpha + tx), Math.log(m.alpha + T)},
          new double[] {Math.log(m.beta + tx), Math.log(m.beta + T)});
    }

    /** log of (α+T)^-(r+x) (β+T)^-s, the "still alive at T" term. */
    double aliveTerm(ParetoNbd m, int x, int bi) {
      return -(m.r + x) * la[bi] - m.s * lb[bi];
    }
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
    Times one = Times.of(this, tx, T);
    return Math.exp(-LogMath.logAddExp(0, logDied(x, one) - one.aliveTerm(this, x, 1)));
  }

  /** log of s/(r+s+x) A0, the "died between t_x and T" term, for one customer. */
  private double logDied(int x, Times one) {
    return Math.log(s) - Math.log(r + s + x) + logA0(x, 0, 1, one, null, null);
  }

  /** {@code log A0}, from the series where it converges fast, else by quadrature. */
  double logA0(int x, double tx, double T) {
    TransactionModel.checkCustomer(x, tx, T);
    return logA0(x, 0, 1, Times.of(this, tx, T), null, null);
  }

  /**
   * {@code log A0} for t_x = {@code times.t[ti]} and T = {@code times.t[bi]}; {@code -Infinity}
   * when they are equal. {@code memoF}/{@code memoX} (or nulls) cache log F per time index, tagged
   * with x + 1.
   */
  private double logA0(int x, int ti, int bi, Times times, double[] memoF, int[] memoX) {
    double tx = times.t[ti];
    double bigT = times.t[bi];
    if (tx >= bigT) return Double.NEGATIVE_INFINITY;
    double big = Math.max(alpha, beta);
    double small = Math.min(alpha, beta);
    if ((big - small) / (big + tx) > SERIES_MAX_Z) return logA0Quadrature(x, tx, bigT);
    double hi = logF(x, ti, times, memoF, memoX);
    double lo = logF(x, bi, times, memoF, memoX);
    if (lo >= hi) return Double.NEGATIVE_INFINITY; // t_x and T equal to rounding: A0 is 0
    return hi + LogMath.log1mExp(lo - hi);
  }

  private double logF(int x, int i, Times times, double[] memoF, int[] memoX) {
    if (memoF == null) return logF(x, times.t[i], times.la[i], times.lb[i]);
    if (memoX[i] != x + 1) {
      memoF[i] = logF(x, times.t[i], times.la[i], times.lb[i]);
      memoX[i] = x + 1;
    }
    return memoF[i];
  }

  /**
   * log of {@code 2F1(r+s+x, b'; c; z(t)) / (m+t)^(r+s+x)} with {@code c = r+s+x+1}, via Euler's
   * transformation {@code = ((small+t)/(m+t))^(1-b') 2F1(1, c-b'; c; z)}.
   */
  private double logF(int x, double t, double logAlpha, double logBeta) {
    boolean alphaBig = alpha >= beta;
    double big = alphaBig ? alpha : beta;
    double small = alphaBig ? beta : alpha;
    double logBig = alphaBig ? logAlpha : logBeta;
    double logSmall = alphaBig ? logBeta : logAlpha;
    double bPrime = alphaBig ? s + 1 : r + x;
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
