package io.wayfinder.core.journey.retention;

import io.wayfinder.core.journey.dataset.EventTest;
import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.dataset.Segment;
import io.wayfinder.core.journey.definition.JourneyDefinition;
import io.wayfinder.core.journey.index.JourneyIndex;
import io.wayfinder.core.journey.index.JourneyIndexBuilder;
import io.wayfinder.core.journey.instance.InstanceFinder;
import io.wayfinder.core.journey.instance.InstanceTrace;
import io.wayfinder.core.journey.instance.StageAssignment;

/** Which customers (case ids of a dataset) are in a {@link CohortDefinition}. */
public final class CohortMembers {
  private CohortMembers() {}

  /**
   * Per case id, whether the customer is in the cohort. {@code journey} is the definition the
   * cohort names (null when it names none).
   *
   * @throws IllegalArgumentException naming the field when the cohort's event or channel never occurs
   */
  public static boolean[] of(JourneyDataset d, CohortDefinition c, JourneyDefinition journey) {
    checkKnown(d, c);
    boolean[] in = new boolean[d.caseCount()];
    java.util.Arrays.fill(in, true);
    if (c.segment() != null) {
      boolean[] seg = Segment.parse(c.segment()).members(d);
      for (int k = 0; k < in.length; k++) in[k] &= seg[k];
    }
    if (c.journey() != null) {
      if (journey == null || !journey.id().equals(c.journey())) throw new IllegalArgumentException("journey: no journey '" + c.journey() + "'");
      in = and(in, entered(d, journey));
    }
    if (c.did() != null) in = and(in, did(d, c));
    return in;
  }

  /** Fails naming the field when an event name or channel the cohort needs is not in the event log. */
  public static void checkKnown(JourneyDataset d, CohortDefinition c) {
    if (c.did() == null) return;
    if (c.did().event() != null && d.activityId(c.did().event()) < 0) {
      throw new IllegalArgumentException("did.event: no event '" + c.did().event() + "' in the event log");
    }
    if (c.did().channel() != null && d.channel().codeOf(c.did().channel()) < 0) {
      throw new IllegalArgumentException("did.channel: no events on channel '" + c.did().channel() + "'");
    }
  }

  /** Per case id: the customer has at least one instance of {@code journey}. */
  public static boolean[] entered(JourneyDataset d, JourneyDefinition journey) {
    boolean[] in = new boolean[d.caseCount()];
    for (InstanceTrace t : new InstanceFinder(new StageAssignment(d, journey)).find(null)) in[t.caseId()] = true;
    return in;
  }

  private static boolean[] did(JourneyDataset d, CohortDefinition c) {
    EventTest test = d.compile(c.did());
    JourneyIndex index = d.index();
    long[] time = index.timeColumn();
    long from = c.from() == null ? Long.MIN_VALUE : JourneyIndexBuilder.micros(c.from());
    long to = c.to() == null ? Long.MAX_VALUE : JourneyIndexBuilder.micros(c.to());
    long within = c.withinMicros();
    boolean[] in = new boolean[d.caseCount()];
    for (int k = 0; k < in.length; k++) {
      int start = index.caseStart(k);
      int end = index.caseStart(k + 1);
      if (start == end) continue;
      long first = time[start];
      int count = 0;
      for (int i = start; i < end && count < c.times(); i++) {
        long t = time[i];
        // inclusive window end, as the funnel's: an event exactly at the boundary counts
        if (t < from || t >= to || (within != Long.MAX_VALUE && t - first > within)) continue;
        if (test.test(i)) count++;
      }
      in[k] = count >= c.times();
    }
    return in;
  }

  private static boolean[] and(boolean[] a, boolean[] b) {
    for (int k = 0; k < a.length; k++) a[k] &= b[k];
    return a;
  }
}
