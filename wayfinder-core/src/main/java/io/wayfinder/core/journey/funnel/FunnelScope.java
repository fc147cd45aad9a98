package io.wayfinder.core.journey.funnel;

import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.dataset.MaskTable;
import io.wayfinder.core.journey.dataset.Segment;
import io.wayfinder.core.journey.index.JourneyIndex;
import io.wayfinder.core.journey.index.JourneyIndexBuilder;

/**
 * What one funnel run reads, resolved once against the dataset: the step and exclusion masks,
 * the segment's members (null: everyone) and the period {@code [from, to)} in microseconds.
 * Read-only, so chunks of customers can share it across threads.
 */
record FunnelScope(Funnel funnel, JourneyIndex index, MaskTable steps, MaskTable exclusions, boolean[] members,
    long from, long to) {

  static FunnelScope of(JourneyDataset data, Funnel f) {
    MaskTable steps = new MaskTable(data, f.steps().stream().map(FunnelStep::filter).toList());
    MaskTable exclusions = new MaskTable(data, f.exclusions().stream().map(Exclusion::filter).toList());
    Segment seg = Segment.parse(f.segment());
    long from = f.from() == null ? Long.MIN_VALUE : JourneyIndexBuilder.micros(f.from());
    long to = f.to() == null ? Long.MAX_VALUE : JourneyIndexBuilder.micros(f.to());
    return new FunnelScope(f, data.index(), steps, exclusions, seg == null ? null : seg.members(data), from, to);
  }

  /** This scope narrowed to {@code population} (null: unchanged). */
  FunnelScope within(boolean[] population) {
    if (population == null) return this;
    boolean[] in = population.clone();
    if (members != null) for (int c = 0; c < in.length; c++) in[c] &= members[c];
    return new FunnelScope(funnel, index, steps, exclusions, in, from, to);
  }

  boolean member(int c) {
    return members == null || members[c];
  }
}
