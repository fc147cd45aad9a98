package io.wayfinder.core.predict.clv.model;

import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Sums a per-row quantity over many rows, in parallel for large inputs but always in the same
 * chunks and the same order, so the result does not depend on the number of threads.
 */
final class RowSums {
  /** Rows per chunk; the per-x caches of the models restart at each chunk. */
  static final int CHUNK = 8192;

  @FunctionalInterface
  interface RangeSum {
    double sum(int from, int to);
  }

  /** One customer's log-likelihood from its x-only terms and log(α + t_x), log(α + T). */
  @FunctionalInterface
  interface AlphaRow {
    double logLikelihood(int x, double xTerm, double xConst, double logAlphaTx, double logAlphaT);
  }

  private RowSums() {}

  /**
   * {@code Σ count · row(x, xTerm(x), xConst(x), log(α+t_x), log(α+T))} over the rows of {@code d}
   * (BG/NBD and MBG/NBD), computing the x-only terms once per x and the logarithms once per
   * distinct time.
   */
  static double sumOverRows(FrequencyData d, double alpha, IntToDoubleFunction xTerm, IntToDoubleFunction xConst, AlphaRow row) {
    double[] la = d.logShifted(alpha);
    return sum(d.size(), (from, to) -> {
      double s = 0;
      int lastX = -1;
      double xt = 0;
      double xc = 0;
      for (int i = from; i < to; i++) {
        int x = d.x(i);
        if (x != lastX) {
          xt = xTerm.applyAsDouble(x);
          xc = xConst.applyAsDouble(x);
          lastX = x;
        }
        s += d.count(i) * row.logLikelihood(x, xt, xc, la[d.txIndex(i)], la[d.tIndex(i)]);
      }
      return s;
    });
  }

  static double sum(int rows, RangeSum f) {
    int chunks = (rows + CHUNK - 1) / CHUNK;
    if (chunks <= 2) return f.sum(0, rows);
    double[] parts = IntStream.range(0, chunks)
        .parallel()
        .mapToDouble(c -> f.sum(c * CHUNK, Math.min(rows, (c + 1) * CHUNK)))
        .toArray();
    double s = 0;
    for (double p : parts) s += p;
    return s;
  }
}
