package io.wayfinder.core.predict.clv.model;

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

  private RowSums() {}

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
