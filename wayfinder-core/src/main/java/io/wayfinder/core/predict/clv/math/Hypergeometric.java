package io.wayfinder.core.predict.clv.math;

/**
 * Gauss hypergeometric function {@code 2F1(a, b; c; z)} for real arguments and {@code z < 1}.
 *
 * <p>Hipparchus has no 2F1, so this is a guarded power series. Every call either returns a value
 * whose truncation error is below about 1e-16 relative, or throws {@link ArithmeticException}:
 * the series stops only when a rigorous geometric bound on the remaining terms is small enough,
 * and it never runs more than {@code maxTerms} terms. That cap matters: inside an optimiser a
 * naive series at extreme parameters (z close to 1) can otherwise spin for minutes.
 *
 * <p>For {@code 0 <= z < 1} the direct series and Euler's transformation {@code 2F1(a,b;c;z) =
 * (1-z)^(c-a-b) 2F1(c-a, c-b; c; z)} are both available; {@link #hyp2f1} picks the one whose
 * parameters are smaller (fewer growing terms, no overflow for large customer counts). For
 * {@code z < 0} Pfaff's transformation maps the argument into (0, 1).
 */
public final class Hypergeometric {
  /** The default cap on the number of series terms. */
  public static final int DEFAULT_MAX_TERMS = 20_000;

  private static final double EPS = 1e-17;

  private Hypergeometric() {}

  /** {@code 2F1(a, b; c; z)} with the default term cap. */
  public static double hyp2f1(double a, double b, double c, double z) {
    return hyp2f1(a, b, c, z, DEFAULT_MAX_TERMS);
  }

  /**
   * {@code 2F1(a, b; c; z)} for {@code z < 1}.
   *
   * @throws ArithmeticException if c is zero or a negative integer (and the series does not end
   *     first), if z is not below 1, or if the series needs more than {@code maxTerms} terms
   */
  public static double hyp2f1(double a, double b, double c, double z, int maxTerms) {
    checkArguments(a, b, c, z);
    if (z == 0) return 1;
    if (z < 0) {
      // Pfaff: 2F1(a,b;c;z) = (1-z)^(-a) 2F1(a, c-b; c; z/(z-1)), argument in (0, 1).
      double w = z / (z - 1);
      return Math.exp(-a * Math.log1p(-z)) * hyp2f1(a, c - b, c, w, maxTerms);
    }
    if (preferEuler(a, b, c)) {
      return Math.exp((c - a - b) * Math.log1p(-z)) * series(c - a, c - b, c, z, maxTerms);
    }
    return series(a, b, c, z, maxTerms);
  }

  /**
   * The Gauss series {@code sum (a)_n (b)_n / ((c)_n n!) z^n} for {@code |z| < 1}.
   *
   * <p>After each term, every later ratio of consecutive terms is bounded by {@code rho = |z| *
   * max(1, (|a|+k)/(k+1)) * max(1, (|b|+k)/(c+k))} (valid once {@code c+k > 0}); when rho is below
   * 1 the rest of the series is at most {@code |term| * rho / (1 - rho)}, and the sum stops when
   * that is below 1e-17 of the sum.
   */
  public static double series(double a, double b, double c, double z, int maxTerms) {
    if (!(Math.abs(z) < 1)) throw new ArithmeticException("2F1 series needs |z| < 1, got " + z);
    double term = 1;
    double sum = 1;
    double absA = Math.abs(a);
    double absB = Math.abs(b);
    for (int n = 0; n < maxTerms; n++) {
      double cn = c + n;
      if (cn == 0) throw new ArithmeticException("2F1 undefined: c = " + c + " is a non-positive integer");
      term *= (a + n) * (b + n) / (cn * (n + 1)) * z;
      sum += term;
      if (term == 0) return sum; // a or b is a non-positive integer: the series is a polynomial
      if (!Double.isFinite(sum)) {
        throw new ArithmeticException("2F1 series overflowed at a=" + a + " b=" + b + " c=" + c + " z=" + z);
      }
      int k = n + 1; // index of the next ratio
      if (c + k > 0) {
        double rho = Math.abs(z) * Math.max(1, (absA + k) / (k + 1.0)) * Math.max(1, (absB + k) / (c + k));
        if (rho < 1 && Math.abs(term) * rho / (1 - rho) <= EPS * Math.abs(sum)) return sum;
      }
    }
    throw new ArithmeticException(
        "2F1 series did not converge in " + maxTerms + " terms (a=" + a + ", b=" + b + ", c=" + c + ", z=" + z + ")");
  }

  /**
   * {@code 2F1(1, b; c; z)} for {@code 0 < b <= c} and {@code 0 <= z < 1}: a series of positive
   * terms whose ratios {@code (b+n)/(c+n) * z} never exceed z, so the rest after a term is at
   * most {@code term * z/(1-z)}. The fast path for the Pareto/NBD likelihood.
   *
   * @throws ArithmeticException if more than {@code maxTerms} terms are needed
   */
  public static double oneB(double b, double c, double z, int maxTerms) {
    if (!(b > 0 && b <= c)) throw new IllegalArgumentException("oneB needs 0 < b <= c, got b=" + b + " c=" + c);
    if (!(z >= 0 && z < 1)) throw new IllegalArgumentException("oneB needs 0 <= z < 1, got " + z);
    double stop = EPS * (1 - z) / z;
    double term = 1;
    double sum = 1;
    for (int n = 0; n < maxTerms; n++) {
      term *= (b + n) / (c + n) * z;
      sum += term;
      if (term <= stop * sum) return sum;
    }
    throw new ArithmeticException("2F1(1, " + b + "; " + c + "; " + z + ") did not converge in " + maxTerms + " terms");
  }

  private static boolean preferEuler(double a, double b, double c) {
    return Math.abs(c - a) + Math.abs(c - b) < Math.abs(a) + Math.abs(b);
  }

  private static void checkArguments(double a, double b, double c, double z) {
    if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(z))) {
      throw new ArithmeticException("2F1 arguments must be finite: a=" + a + " b=" + b + " c=" + c + " z=" + z);
    }
    if (!(z < 1)) throw new ArithmeticException("2F1 implemented for z < 1, got " + z);
  }
}
