package io.wayfinder.core.journey.instance;

import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.index.JourneyIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the instances of one journey in every customer's events. An instance opens at the entry
 * event; the customer's touchpoints of the journey shortly before it (no gap longer than the
 * abandonment timeout) are its lead-in and belong to it. The goal event converts it; it keeps
 * the touchpoints that follow (delivery, repeat) until the next entry event or until the
 * customer is quiet for longer than the timeout. Without the goal, a quiet instance is abandoned;
 * one still open at the end is abandoned if its last event is older than the timeout at
 * {@code asOf}, else in progress. Journey events outside instances are ignored. A customer may
 * have instances of several journeys at the same time (each journey is found separately).
 */
public final class InstanceFinder {
  private final StageAssignment journey;

  public InstanceFinder(StageAssignment journey) {
    this.journey = journey;
  }

  /** Every instance, by customer then time. {@code asOf} null means the dataset's last event. */
  public List<InstanceTrace> find(Instant asOf) {
    JourneyDataset d = journey.data();
    JourneyIndex index = d.index();
    long[] time = index.timeColumn();
    long timeout = journey.definition().abandonTimeout().toNanos() / 1000;
    long now = asOf == null ? lastTime(time) : asOf.getEpochSecond() * 1_000_000L + asOf.getNano() / 1000;
    int[] stageOf = new int[index.eventCount()];
    List<InstanceTrace> out = new ArrayList<>();
    int[] buf = new int[16];
    for (int c = 0; c < index.caseCount(); c++) {
      int leadStart = -1;
      int entry = -1;
      boolean converted = false;
      long lastT = Long.MIN_VALUE;
      int lastRelevant = -1;
      for (int i = index.caseStart(c), end = index.caseStart(c + 1); i < end; i++) {
        int st = journey.stageOf(i);
        boolean isEntry = journey.isEntry(i);
        boolean isGoal = journey.isGoal(i);
        stageOf[i] = st;
        if (st < 0 && !isEntry && !isGoal) continue;
        long t = time[i];
        boolean quiet = lastRelevant >= 0 && t - lastT > timeout;
        if (entry >= 0 && (quiet || (converted && isEntry))) {
          buf = emit(out, c, leadStart, lastRelevant, entry, converted ? InstanceStatus.CONVERTED : InstanceStatus.ABANDONED,
              stageOf, buf);
          entry = -1;
          leadStart = -1;
          converted = false;
        }
        if (entry < 0) {
          if (leadStart < 0 || quiet) leadStart = i;
          if (isEntry) entry = i;
        }
        lastT = t;
        lastRelevant = i;
        if (entry >= 0 && isGoal) converted = true;
      }
      if (entry >= 0) {
        InstanceStatus s = converted ? InstanceStatus.CONVERTED
            : now - lastT > timeout ? InstanceStatus.ABANDONED : InstanceStatus.IN_PROGRESS;
        buf = emit(out, c, leadStart, lastRelevant, entry, s, stageOf, buf);
      }
    }
    return out;
  }

  private int[] emit(List<InstanceTrace> out, int c, int from, int to, int entry, InstanceStatus status,
      int[] stageOf, int[] buf) {
    int n = 0;
    int[] st = new int[to - from + 1];
    for (int i = from; i <= to; i++) {
      if (stageOf[i] < 0 && !journey.isEntry(i) && !journey.isGoal(i)) continue;
      if (n == buf.length) buf = Arrays.copyOf(buf, n * 2);
      st[n] = stageOf[i];
      buf[n++] = i;
    }
    out.add(new InstanceTrace(c, Arrays.copyOf(buf, n), Arrays.copyOf(st, n), entry, status));
    return buf;
  }

  private static long lastTime(long[] time) {
    long max = Long.MIN_VALUE;
    for (long t : time) max = Math.max(max, t);
    return max;
  }
}
