package io.wayfinder.cli;

import java.io.PrintStream;

/**
 * A progress bar on stderr for long imports: a bar when the total is known (rows estimated from
 * the file size), else a running count; drawn only on a terminal, and at most ten times a second.
 */
final class ProgressBar {
  private final PrintStream out;
  private final long total;
  private final boolean enabled;
  private final long start = System.nanoTime();
  private long lastDraw;

  ProgressBar(PrintStream out, long estimatedTotal, boolean enabled) {
    this.out = out;
    this.total = estimatedTotal;
    this.enabled = enabled;
  }

  static ProgressBar none() {
    return new ProgressBar(System.err, 0, false);
  }

  synchronized void update(long rows) {
    if (!enabled) return;
    long now = System.nanoTime();
    if (now - lastDraw < 100_000_000L) return;
    lastDraw = now;
    double secs = Math.max(1e-3, (now - start) / 1e9);
    String rate = String.format("%,.0f rows/s", rows / secs);
    if (total > 0) {
      double f = Math.min(1.0, (double) rows / total);
      int filled = (int) Math.round(f * 30);
      out.printf("\r[%s%s] %3.0f%%  %,d rows  %s ", "#".repeat(filled), ".".repeat(30 - filled), f * 100, rows, rate);
    } else {
      out.printf("\r%,d rows  %s ", rows, rate);
    }
  }

  synchronized void finish() {
    if (enabled) out.println();
  }
}
