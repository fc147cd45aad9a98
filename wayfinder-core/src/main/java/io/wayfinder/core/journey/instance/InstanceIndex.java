package io.wayfinder.core.journey.instance;

import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.index.JourneyIndex;
import io.wayfinder.core.journey.index.JourneyIndexBuilder;
import java.util.List;
import java.util.function.IntPredicate;

/** A journey's instances as an index whose cases are the instances ({@code customer#n}), for discovery. */
public final class InstanceIndex {
  private InstanceIndex() {}

  /** The instances' events that {@code keep} accepts (e.g. a channel), one case per instance. */
  public static JourneyIndex of(JourneyDataset d, List<InstanceTrace> instances, IntPredicate keep) {
    JourneyIndexBuilder b = new JourneyIndexBuilder();
    long[] time = d.index().timeColumn();
    int previousCase = -1;
    int n = 0;
    for (InstanceTrace t : instances) {
      n = t.caseId() == previousCase ? n + 1 : 1;
      previousCase = t.caseId();
      String name = d.index().caseName(t.caseId()) + "#" + n;
      for (int i : t.events()) if (keep.test(i)) b.add(name, d.eventName(i), null, time[i]);
    }
    return b.build();
  }
}
