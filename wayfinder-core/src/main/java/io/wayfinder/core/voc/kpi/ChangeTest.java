package io.wayfinder.core.voc.kpi;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Whether a KPI changed between two periods or differs between two groups: difference
 * (current − baseline), its standard error, the test statistic and a two-sided p-value. NPS and
 * CSAT use a z test on independent samples (NPS: SE = √(SE₁² + SE₂²); CSAT: unpooled two-proportion
 * test); CES and other means use Welch's t test with Welch–Satterthwaite degrees of freedom.
 *
 * @param degreesOfFreedom infinite for z tests
 */
public record ChangeTest(double difference, double standardError, double statistic, double degreesOfFreedom, double pValue) {

  /** True when the p-value is below alpha. */
  public boolean significant(double alpha) {
    return pValue < alpha;
  }

  /** The test that fits the scale of the two sets of responses. */
  public static ChangeTest of(ScoreCounts current, ScoreCounts baseline) {
    if (current.scale() != baseline.scale()) {
      throw new IllegalArgumentException("cannot compare " + current.scale() + " with " + baseline.scale());
    }
    return switch (current.scale()) {
      case NPS -> nps(Nps.of(current), Nps.of(baseline));
      case CSAT -> csat(Csat.of(current), Csat.of(baseline));
      case CES -> {
        Ces a = Ces.of(current);
        Ces b = Ces.of(baseline);
        yield means(a.mean(), a.standardDeviation(), a.responses(), b.mean(), b.standardDeviation(), b.responses());
      }
    };
  }

  /** Difference of two NPS, in points. */
  public static ChangeTest nps(Nps current, Nps baseline) {
    return z(current.value() - baseline.value(), Math.hypot(current.standardError(), baseline.standardError()));
  }

  /** Difference of two top-two-box shares, in percentage points. */
  public static ChangeTest csat(Csat current, Csat baseline) {
    double p1 = current.value() / 100;
    double p2 = baseline.value() / 100;
    double se = Math.sqrt(p1 * (1 - p1) / current.responses() + p2 * (1 - p2) / baseline.responses());
    return z(100 * (p1 - p2), 100 * se);
  }

  /** Welch's t test on two means given their standard deviations and sizes. */
  public static ChangeTest means(double mean1, double sd1, long n1, double mean2, double sd2, long n2) {
    double v1 = sd1 * sd1 / n1;
    double v2 = sd2 * sd2 / n2;
    double se = Math.sqrt(v1 + v2);
    double df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1));
    double t = (mean1 - mean2) / se;
    double p = 2 * new TDistribution(df).cumulativeProbability(-Math.abs(t));
    return new ChangeTest(mean1 - mean2, se, t, df, p);
  }

  private static ChangeTest z(double difference, double se) {
    double z = difference / se;
    double p = 2 * new NormalDistribution(0, 1).cumulativeProbability(-Math.abs(z));
    return new ChangeTest(difference, se, z, Double.POSITIVE_INFINITY, p);
  }
}
