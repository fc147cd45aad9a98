package io.wayfinder.core.journey.funnel;

import io.wayfinder.core.journey.dataset.LongSample;
import java.util.ArrayList;
import java.util.List;

/**
 * A range of customers {@code [first, last)} matched by one thread. Per-customer results go
 * straight into the shared outcome arrays (each chunk owns its range); the samples and the count
 * are the chunk's own and are merged in chunk order, so every figure equals a sequential run's.
 */
final class FunnelChunk {
  final int first;
  final int last;
  final LongSample[] fromPrevious;
  final LongSample timeToConvert = new LongSample();
  int inScope;

  FunnelChunk(int first, int last, int steps) {
    this.first = first;
    this.last = last;
    fromPrevious = new LongSample[steps];
    for (int s = 0; s < steps; s++) fromPrevious[s] = new LongSample();
  }

  /** {@code parts} chunks of about equal customer counts (fewer when there are fewer customers). */
  static List<FunnelChunk> split(int cases, int parts, int steps) {
    int k = Math.max(1, Math.min(parts, cases));
    List<FunnelChunk> out = new ArrayList<>(k);
    for (int i = 0; i < k; i++) out.add(new FunnelChunk((int) ((long) cases * i / k), (int) ((long) cases * (i + 1) / k), steps));
    return out;
  }
}
