package io.wayfinder.core.journey.instance;

import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.index.JourneyIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One customer's pass through one journey, as the API shows it.
 *
 * @param customer the customer (case) identifier
 * @param startedAt first event (lead-in included)
 * @param enteredAt the entry event
 * @param lastEventAt the latest journey event
 * @param currentStage the stage of the latest event that has one (null if none)
 * @param furthestStage the last stage in the journey's order that was reached
 * @param durationSeconds from first to last event
 * @param touchpoints distinct touchpoints used, in order of first use
 * @param channels distinct channels used, in order of first use
 * @param revenue revenue of the instance's events (0 when none)
 */
public record JourneyInstance(
    String journey, String customer, Instant startedAt, Instant enteredAt, Instant lastEventAt,
    InstanceStatus status, String currentStage, String furthestStage, double durationSeconds, int events,
    List<String> touchpoints, List<String> channels, double revenue) {

  public JourneyInstance {
    touchpoints = List.copyOf(touchpoints);
    channels = List.copyOf(channels);
  }

  /** The view of a trace. */
  public static JourneyInstance of(StageAssignment journey, InstanceTrace t) {
    JourneyDataset d = journey.data();
    JourneyIndex index = d.index();
    Set<String> touchpoints = new LinkedHashSet<>();
    Set<String> channels = new LinkedHashSet<>();
    double revenue = 0;
    for (int i : t.events()) {
      String tp = d.touchpoint().value(i);
      touchpoints.add(tp == null ? d.eventName(i) : tp);
      String ch = d.channel().value(i);
      if (ch != null) channels.add(ch);
      double r = d.revenue(i);
      if (!Double.isNaN(r)) revenue += r;
    }
    List<String> names = journey.definition().stageNames();
    int cur = t.currentStage();
    int far = t.furthestStage();
    long micros = index.timeColumn()[t.last()] - index.timeColumn()[t.first()];
    return new JourneyInstance(journey.definition().id(), index.caseName(t.caseId()), index.time(t.first()),
        index.time(t.entryEvent()), index.time(t.last()), t.status(), cur < 0 ? null : names.get(cur),
        far < 0 ? null : names.get(far), micros / 1e6, t.events().length, new ArrayList<>(touchpoints),
        new ArrayList<>(channels), Math.round(revenue * 100) / 100.0);
  }
}
