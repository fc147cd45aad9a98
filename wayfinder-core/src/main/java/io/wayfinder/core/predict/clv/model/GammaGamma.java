package io.wayfinder.core.predict.clv.model;

import static org.hipparchus.special.Gamma.logGamma;

import io.wayfinder.core.predict.clv.math.MaximumLikelihood;
import java.util.Map;

/**
 * The Gamma-Gamma spend model (Fader, Hardie &amp; Lee 2005, "RFM and CLV: using iso-value
 * curves"; Fader &amp; Hardie note 025): a customer's transaction values are Gamma(p, ν) with ν ~
 * Gamma(q, γ), independent of the purchase process. The likelihood is the density of a repeat
 * customer's mean spend zbar given x (including the Jacobian {@code x^(px)}, as lifetimes and
 * BTYD do), so it is comparable with their published values.
 *
 * @param p shape of the transaction-value distribution
 * @param q shape of the distribution of ν
 * @param gamma scale of the distribution of ν (lifetimes calls it v), in money units
 */
public record GammaGamma(double p, double q, double gamma) {

  public GammaGamma {
    Params.requirePositive("Gamma-Gamma", "p", p);
    Params.requirePositive("Gamma-Gamma", "q", q);
    Params.requirePositive("Gamma-Gamma", "gamma", gamma);
  }

  /** Fits the model by maximum likelihood on the repeat customers in {@code data}. */
  public static ModelFit<GammaGamma> fit(SpendData data) {
    long t0 = System.nanoTime();
    MaximumLikelihood.Result res = MaximumLikelihood.maximize(
        v -> new GammaGamma(v[0], v[1], v[2]).logLikelihood(data),
        // start with mean spend p*gamma/(q-1) equal to the observed mean
        new double[] {1, 2, data.meanZbar()},
        ModelKind.GAMMAGAMMA.paramNames().toArray(String[]::new));
    double[] v = res.params();
    GammaGamma m = new GammaGamma(v[0], v[1], v[2]);
    return ModelFit.of(m, ModelKind.GAMMAGAMMA, m.params(), res, data.customers(), System.nanoTime() - t0);
  }

  public Map<String, Double> params() {
    return Params.map(ModelKind.GAMMAGAMMA.paramNames(), p, q, gamma);
  }

  /** The terms that depend on x only: log Γ(px+q) - log Γ(px) + px log x, plus the constant. */
  private double xTerm(int x, double base) {
    double px = p * x;
    return base + logGamma(px + q) - logGamma(px) + px * Math.log(x);
  }

  private double base() {
    return -logGamma(q) + q * Math.log(gamma);
  }

  private double rowLogLikelihood(double xTerm, int x, double zbar, double logZbar) {
    double px = p * x;
    return xTerm + (px - 1) * logZbar - (px + q) * Math.log(gamma + x * zbar);
  }

  /** Log density of mean spend {@code zbar} over {@code x > 0} repeat purchases. */
  public double logLikelihood(int x, double zbar) {
    if (x <= 0) throw new IllegalArgumentException("x must be > 0, got " + x);
    if (!(zbar > 0 && Double.isFinite(zbar))) throw new IllegalArgumentException("zbar must be finite and > 0, got " + zbar);
    return rowLogLikelihood(xTerm(x, base()), x, zbar, Math.log(zbar));
  }

  /** Total log-likelihood over {@code data}. */
  public double logLikelihood(SpendData d) {
    double base = base();
    return RowSums.sum(d.size(), (from, to) -> {
      double sum = 0;
      int lastX = -1;
      double xt = 0;
      for (int i = from; i < to; i++) {
        int x = d.x(i);
        if (x != lastX) {
          xt = xTerm(x, base);
          lastX = x;
        }
        sum += d.count(i) * rowLogLikelihood(xt, x, d.zbar(i), d.logZbar(i));
      }
      return sum;
    });
  }

  /**
   * Expected value of a future transaction for a customer whose x repeat purchases averaged zbar:
   * {@code p(γ + x zbar)/(px + q - 1)}, a weighted mean of the population mean {@code pγ/(q-1)}
   * and zbar. With x = 0 it is the population mean (zbar is ignored).
   *
   * @return the expectation, or {@code NaN} where it is infinite ({@code px + q <= 1}: with x = 0
   *     that is q &lt;= 1, a population mean spend that does not exist)
   */
  public double expectedSpend(int x, double zbar) {
    if (x < 0) throw new IllegalArgumentException("x must be >= 0, got " + x);
    if (x > 0 && !(zbar >= 0 && Double.isFinite(zbar))) {
      throw new IllegalArgumentException("zbar must be finite and >= 0, got " + zbar);
    }
    double den = p * x + q - 1;
    if (!(den > 0)) return Double.NaN;
    return p * (gamma + (x == 0 ? 0 : x * zbar)) / den;
  }

  /** Population mean transaction value {@code pγ/(q-1)}; {@code NaN} if q &lt;= 1. */
  public double populationMeanSpend() {
    return expectedSpend(0, 0);
  }
}
