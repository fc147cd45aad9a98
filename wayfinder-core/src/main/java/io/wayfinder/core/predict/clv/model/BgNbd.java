package io.wayfinder.core.predict.clv.model;

import static org.hipparchus.special.Gamma.logGamma;

import io.wayfinder.core.predict.clv.math.Hypergeometric;
import io.wayfinder.core.predict.clv.math.LogMath;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * The BG/NBD model (Fader, Hardie &amp; Lee 2005, "Counting your customers the easy way"): while
 * active a customer buys at Poisson rate λ ~ Gamma(r, α); after each repeat purchase she becomes
 * inactive with probability p ~ Beta(a, b).
 *
 * @param r shape of the purchase-rate distribution
 * @param alpha scale (rate parameter) of the purchase-rate distribution, in time units
 * @param a first shape of the dropout-probability distribution
 * @param b second shape of the dropout-probability distribution
 */
public record BgNbd(double r, double alpha, double a, double b) implements TransactionModel {

  /**
   * Term cap of the 2F1 series in the expectations (BG/NBD and MBG/NBD). They are never evaluated
   * inside the optimiser, so the cap can be high: it covers horizons up to about 10,000 times
   * α + T (the series argument is t/(α+T+t)); beyond, the expectation throws.
   */
  static final int EXPECTATION_TERMS = 1_000_000;

  public BgNbd {
    Params.requirePositive("BG/NBD", "r", r);
    Params.requirePositive("BG/NBD", "alpha", alpha);
    Params.requirePositive("BG/NBD", "a", a);
    Params.requirePositive("BG/NBD", "b", b);
  }

  /** Fits the model by maximum likelihood. */
  public static ModelFit<BgNbd> fit(FrequencyData data) {
    double[] start = {1, Math.max(data.meanT(), 1e-3), 1, 1};
    return TransactionModel.fit(data, ModelKind.BGNBD, start, p -> new BgNbd(p[0], p[1], p[2], p[3]));
  }

  @Override
  public ModelKind kind() {
    return ModelKind.BGNBD;
  }

  @Override
  public Map<String, Double> params() {
    return Params.map(ModelKind.BGNBD.paramNames(), r, alpha, a, b);
  }

  /** The terms of the log-likelihood that depend on x only. */
  private double xTerm(int x, double base) {
    return base + logGamma(r + x) + logGamma(b + x) - logGamma(a + b + x);
  }

  private double base() {
    return -logGamma(r) + r * Math.log(alpha) + logGamma(a + b) - logGamma(b);
  }

  /** log(a) - log(b+x-1): the x-only part of the "dropped out after the last purchase" term. */
  private double dropConst(int x) {
    return x == 0 ? 0 : Math.log(a) - Math.log(b + x - 1);
  }

  private double rowLogLikelihood(int x, double xTerm, double dropConst, double logAlphaTx, double logAlphaT) {
    double main = -(r + x) * logAlphaT;
    if (x == 0) return xTerm + main;
    return xTerm + LogMath.logAddExp(main, dropConst - (r + x) * logAlphaTx);
  }

  @Override
  public double logLikelihood(int x, double tx, double T) {
    TransactionModel.checkCustomer(x, tx, T);
    return rowLogLikelihood(x, xTerm(x, base()), dropConst(x), Math.log(alpha + tx), Math.log(alpha + T));
  }

  @Override
  public double logLikelihood(FrequencyData d) {
    double base = base();
    return RowSums.sumOverRows(d, alpha, x -> xTerm(x, base), this::dropConst, this::rowLogLikelihood);
  }

  @Override
  public double expectedPurchases(double t) {
    return conditionalExpectedPurchases(t, 0, 0, 0);
  }

  /**
   * {@code E[Y(t) | x, t_x, T] = (a+b+x-1)/(a-1) * [1 - ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x;
   * a+b+x-1; t/(α+T+t))] / [1 + δ(x>0) a/(b+x-1) ((α+T)/(α+t_x))^(r+x)]}, with the 2F1 taken
   * through Euler's transformation so that large x cannot overflow it.
   */
  @Override
  public double conditionalExpectedPurchases(double t, int x, double tx, double T) {
    TransactionModel.checkHorizon(t);
    TransactionModel.checkCustomer(x, tx, T);
    if (t == 0) return 0;
    return nearOne(a, aa -> expectedIfAlive(aa, t, x, T)) * probabilityAlive(x, tx, T);
  }

  /** Expected purchases in the next t if alive at T: E[Y(t) | x, t_x, T] / P(alive), for a = aa. */
  private double expectedIfAlive(double aa, double t, int x, double T) {
    double c = aa + b + x - 1;
    if (Math.abs(c) < 1e-5) {
      // x = 0 and a + b = 1: c -> 0 is a removable singularity of c * 2F1(.; c; z); step over it.
      return (expectedIfAlive(aa, b - 2e-5, t, x, T) + expectedIfAlive(aa, b + 2e-5, t, x, T)) / 2;
    }
    return expectedIfAlive(aa, b, t, x, T);
  }

  private double expectedIfAlive(double aa, double bb, double t, int x, double T) {
    double z = t / (alpha + T + t);
    double log1mz = Math.log(alpha + T) - Math.log(alpha + T + t);
    // ((α+T)/(α+T+t))^(r+x) * 2F1(r+x, b+x; c; z) = (1-z)^(a-1) * 2F1(a+b-1-r, a-1; c; z)
    double c = aa + bb + x - 1;
    double s = Hypergeometric.series(aa + bb - 1 - r, aa - 1, c, z, EXPECTATION_TERMS);
    // s > 0 whenever c > 0; only the step over c = 0 can make it negative
    double second = s > 0 ? -Math.expm1((aa - 1) * log1mz + Math.log(s)) : 1 - Math.exp((aa - 1) * log1mz) * s;
    return c / (aa - 1) * second;
  }

  /**
   * Evaluates a function of a that has a removable singularity at a = 1 (0/0 in the closed
   * form): near 1 it takes the mean of two points either side.
   */
  static double nearOne(double a, DoubleUnaryOperator f) {
    double h = 1e-5;
    if (Math.abs(a - 1) >= h) return f.applyAsDouble(a);
    return (f.applyAsDouble(1 - h) + f.applyAsDouble(1 + h)) / 2;
  }

  @Override
  public double probabilityAlive(int x, double tx, double T) {
    TransactionModel.checkCustomer(x, tx, T);
    if (x == 0) return 1;
    double logOdds = dropConst(x) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
    return Math.exp(-LogMath.logAddExp(0, logOdds));
  }

  /**
   * {@code P(X(t) = n)} for a customer who has just made a first purchase (Fader, Hardie &amp; Lee
   * 2005, eq. 8).
   */
  public double probabilityOfPurchases(int n, double t) {
    TransactionModel.checkHorizon(t);
    if (n < 0) throw new IllegalArgumentException("n must be >= 0");
    double logBetaRatio = logGamma(b + n) + logGamma(a + b) - logGamma(b) - logGamma(a + b + n);
    double p = Math.exp(logBetaRatio + logNbd(n, t));
    if (n > 0) {
      // B(a+1, b+n-1)/B(a,b) [1 - Σ_{j<n} NBD(j; t)]
      double logB2 = Math.log(a) + logGamma(b + n - 1) + logGamma(a + b) - logGamma(b) - logGamma(a + b + n);
      double sum = 0;
      for (int j = 0; j < n; j++) sum += Math.exp(logNbd(j, t));
      p += Math.exp(logB2) * (1 - sum);
    }
    return p;
  }

  /** log of the NBD probability Γ(r+j)/(Γ(r) j!) (α/(α+t))^r (t/(α+t))^j. */
  private double logNbd(int j, double t) {
    return logGamma(r + j) - logGamma(r) - logGamma(j + 1.0) + r * (Math.log(alpha) - Math.log(alpha + t))
        + (j == 0 ? 0 : j * (Math.log(t) - Math.log(alpha + t)));
  }
}
