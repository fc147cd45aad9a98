package io.wayfinder.core.journey.funnel;

import io.wayfinder.core.journey.dataset.LongSample;

/**
 * Per customer, how far a funnel got: {@code level[c]} is the last step reached (0-based), or
 * {@link #NOT_ENTERED}, {@link #EXCLUDED}, {@link #OUT_OF_SCOPE}; {@code matched[c]} the bits of
 * the steps done and {@code anchor[c]} the first-step event.
 */
final class FunnelOutcome {
  static final int NOT_ENTERED = -1;
  static final int EXCLUDED = -2;
  static final int OUT_OF_SCOPE = -3;

  final int[] level;
  final long[] matched;
  final int[] anchor;
  final LongSample[] fromPrevious;
  final LongSample timeToConvert = new LongSample();
  int inScope;

  FunnelOutcome(int cases, int steps) {
    level = new int[cases];
    matched = new long[cases];
    anchor = new int[cases];
    fromPrevious = new LongSample[steps];
    for (int s = 0; s < steps; s++) fromPrevious[s] = new LongSample();
  }

  /** Adds a chunk's samples and count; chunks added in customer order give the sequential order. */
  void add(FunnelChunk chunk) {
    inScope += chunk.inScope;
    for (int s = 0; s < fromPrevious.length; s++) fromPrevious[s].addAll(chunk.fromPrevious[s]);
    timeToConvert.addAll(chunk.timeToConvert);
  }

  /** Whether customer {@code c} counts at step {@code s} (0-based). */
  boolean reached(int c, int s, boolean optional) {
    return optional ? (matched[c] & (1L << s)) != 0 : level[c] >= s;
  }
}
