package io.wayfinder.core.journey.dataset;

import io.wayfinder.core.journey.index.JourneyIndex;
import io.wayfinder.core.journey.index.JourneyIndexBuilder;
import java.util.function.IntPredicate;

/** Sub-indexes of a dataset, for discovery over a slice the discovery query cannot express. */
public final class Slices {
  private Slices() {}

  /** An index of the events {@code keep} accepts, same customers as cases. */
  public static JourneyIndex events(JourneyDataset d, IntPredicate keep) {
    JourneyIndex index = d.index();
    JourneyIndexBuilder b = new JourneyIndexBuilder();
    long[] time = index.timeColumn();
    for (int c = 0; c < index.caseCount(); c++) {
      for (int i = index.caseStart(c), end = index.caseStart(c + 1); i < end; i++) {
        if (keep.test(i)) b.add(index.caseName(c), d.eventName(i), null, time[i]);
      }
    }
    return b.build();
  }

  /** Only the events on {@code channel}. */
  public static IntPredicate onChannel(JourneyDataset d, String channel) {
    int code = d.channel().codeOf(channel);
    return i -> code >= 0 && d.channel().code(i) == code;
  }
}
