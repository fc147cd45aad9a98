package io.wayfinder.core.predict.clv.model;

import static org.hipparchus.special.Gamma.logGamma;

import io.wayfinder.core.predict.clv.math.Hypergeometric;
import io.wayfinder.core.predict.clv.math.LogMath;
import java.util.Map;

/**
 * The MBG/NBD model (Batislam, Denizel &amp; Filiztekin 2007): BG/NBD in which a customer may also
 * drop out right after the first purchase, so a customer with no repeat purchase can be inactive.
 * Formulas as in BTYDplus and lifetimes' {@code ModifiedBetaGeoFitter}.
 *
 * @param r shape of the purchase-rate distribution
 * @param alpha scale (rate parameter) of the purchase-rate distribution, in time units
 * @param a first shape of the dropout-probability distribution
 * @param b second shape of the dropout-probability distribution
 */
public record MbgNbd(double r, double alpha, double a, double b) implements TransactionModel {

  public MbgNbd {
    Params.requirePositive("MBG/NBD", "r", r);
    Params.requirePositive("MBG/NBD", "alpha", alpha);
    Params.requirePositive("MBG/NBD", "a", a);
    Params.requirePositive("MBG/NBD", "b", b);
  }

  /** Fits the model by maximum likelihood. */
  public static ModelFit<MbgNbd> fit(FrequencyData data) {
    double[] start = {1, Math.max(data.meanT(), 1e-3), 1, 1};
    return TransactionModel.fit(data, ModelKind.MBGNBD, start, p -> new MbgNbd(p[0], p[1], p[2], p[3]));
  }

  @Override
  public ModelKind kind() {
    return ModelKind.MBGNBD;
  }

  @Override
  public Map<String, Double> params() {
    return Params.map(ModelKind.MBGNBD.paramNames(), r, alpha, a, b);
  }

  private double base() {
    return -logGamma(r) + r * Math.log(alpha) + logGamma(a + b) - logGamma(b);
  }

  private double xTerm(int x, double base) {
    return base + logGamma(r + x) + logGamma(b + x + 1) - logGamma(a + b + x + 1);
  }

  private double logOddsDead(int x, double tx, double T) {
    return oddsConst(x) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  }

  /** log(a) - log(b+x): the x-only part of the log odds of having dropped out. */
  private double oddsConst(int x) {
    return Math.log(a) - Math.log(b + x);
  }

  private double rowLogLikelihood(int x, double xTerm, double oddsConst, double logAlphaTx, double logAlphaT) {
    return xTerm - (r + x) * logAlphaT + LogMath.logAddExp(0, oddsConst + (r + x) * (logAlphaT - logAlphaTx));
  }

  @Override
  public double logLikelihood(int x, double tx, double T) {
    TransactionModel.checkCustomer(x, tx, T);
    return rowLogLikelihood(x, xTerm(x, base()), oddsConst(x), Math.log(alpha + tx), Math.log(alpha + T));
  }

  @Override
  public double logLikelihood(FrequencyData d) {
    double base = base();
    return RowSums.sumOverRows(d, alpha, x -> xTerm(x, base), this::oddsConst, this::rowLogLikelihood);
  }

  @Override
  public double expectedPurchases(double t) {
    return conditionalExpectedPurchases(t, 0, 0, 0);
  }

  /**
   * {@code E[Y(t) | x, t_x, T] = (a+b+x)/(a-1) * [1 - ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x+1;
   * a+b+x; t/(α+T+t))] * P(alive)}; with x = t_x = T = 0 this is E[X(t)].
   */
  @Override
  public double conditionalExpectedPurchases(double t, int x, double tx, double T) {
    TransactionModel.checkHorizon(t);
    TransactionModel.checkCustomer(x, tx, T);
    if (t == 0) return 0;
    double z = t / (alpha + T + t);
    double log1mz = Math.log(alpha + T) - Math.log(alpha + T + t);
    double ifAlive = BgNbd.nearOne(a, aa -> {
      // ((α+T)/(α+T+t))^(r+x) * 2F1(r+x, b+x+1; c; z) = (1-z)^(a-1) * 2F1(a+b-r, a-1; c; z)
      double s = Hypergeometric.series(aa + b - r, aa - 1, aa + b + x, z, BgNbd.EXPECTATION_TERMS);
      return (aa + b + x) / (aa - 1) * -Math.expm1((aa - 1) * log1mz + Math.log(s));
    });
    return ifAlive * probabilityAlive(x, tx, T);
  }

  @Override
  public double probabilityAlive(int x, double tx, double T) {
    TransactionModel.checkCustomer(x, tx, T);
    return Math.exp(-LogMath.logAddExp(0, logOddsDead(x, tx, T)));
  }
}
