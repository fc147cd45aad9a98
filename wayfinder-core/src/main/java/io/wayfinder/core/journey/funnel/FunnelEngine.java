package io.wayfinder.core.journey.funnel;

import io.wayfinder.core.journey.dataset.Column;
import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.dataset.LongSample;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link Funnel}s over a {@link JourneyDataset}: one pass over the customers, each matched
 * on its own events (see {@link Funnel} for the semantics), in chunks of customers in parallel
 * (common fork-join pool) on large data; results do not depend on the chunking. The common funnel
 * (ordered event names, one window) takes {@link OrderedScan}, the rest {@link GeneralScan}.
 * Thread-safe.
 */
public final class FunnelEngine {
  /** Below this many events, one thread does it all: threads cost more than they save. */
  private static final int PARALLEL_THRESHOLD = 200_000;

  private final JourneyDataset data;
  private final boolean fastPath;
  private final int parallelThreshold;
  private boolean[] population;

  public FunnelEngine(JourneyDataset data) {
    this(data, true, PARALLEL_THRESHOLD);
  }

  /** An engine over only the customers in {@code population} (per case id, e.g. a saved cohort's members). */
  public FunnelEngine(JourneyDataset data, boolean[] population) {
    this(data, true, PARALLEL_THRESHOLD);
    this.population = population;
  }

  /** Tests turn the fast path off to compare it with the general one, and use threshold 0 to chunk small data. */
  FunnelEngine(JourneyDataset data, boolean fastPath, int parallelThreshold) {
    this.data = data;
    this.fastPath = fastPath;
    this.parallelThreshold = parallelThreshold;
  }

  public FunnelReport run(Funnel f) {
    FunnelOutcome o = match(f);
    return new FunnelReportBuilder(data, f, o).build();
  }

  /**
   * The customers who reached {@code step} (1-based), or with {@code droppedOff} those who reached
   * the previous required step but not this one; at most {@code limit}, in case order.
   */
  public List<String> customers(Funnel f, int step, boolean droppedOff, int limit) {
    if (step < 1 || step > f.steps().size()) {
      throw new IllegalArgumentException("step: expected 1 to " + f.steps().size() + ", got " + step);
    }
    if (droppedOff && step == 1) throw new IllegalArgumentException("step: there is no drop-off before step 1");
    FunnelOutcome o = match(f);
    int s = step - 1;
    boolean optional = f.steps().get(s).optional();
    int prev = FunnelReportBuilder.previousRequired(f, s);
    List<String> out = new ArrayList<>();
    for (int c = 0; c < o.level.length && out.size() < limit; c++) {
      boolean here = o.reached(c, s, optional);
      boolean keep = droppedOff ? !here && o.level[c] >= prev : here;
      if (keep) out.add(data.index().caseName(c));
    }
    return out;
  }

  FunnelOutcome match(Funnel f) {
    FunnelScope scope = FunnelScope.of(data, f).within(population);
    int steps = f.steps().size();
    FunnelOutcome o = new FunnelOutcome(data.caseCount(), steps);
    boolean fast = fastPath && OrderedScan.applies(scope);
    int parts = data.eventCount() < parallelThreshold ? 1 : 4 * Runtime.getRuntime().availableProcessors();
    List<FunnelChunk> chunks = FunnelChunk.split(data.caseCount(), parts, steps);
    // each chunk writes only its own customers' entries; samples are merged in chunk order below
    (chunks.size() == 1 ? chunks.stream() : chunks.parallelStream()).forEach(chunk -> {
      if (fast) OrderedScan.run(scope, o, chunk);
      else GeneralScan.run(scope, o, chunk);
    });
    for (FunnelChunk chunk : chunks) o.add(chunk);
    return o;
  }

  /** The breakdown value of customer {@code c} (entered), or null. */
  static String groupOf(JourneyDataset d, FunnelBreakdown b, int c, int anchor) {
    return switch (b.by()) {
      case "channel" -> d.channel().value(anchor);
      case "property" -> {
        Column col = d.property(b.key());
        if (col == null) throw new IllegalArgumentException("breakdown.key: property '" + b.key() + "' is not loaded");
        yield col.value(anchor);
      }
      default -> {
        Column col = d.trait(b.key());
        yield col == null ? null : col.value(c);
      }
    };
  }

  static Double seconds(LongSample s, double q) {
    return LongSample.seconds(s.quantile(q));
  }
}
