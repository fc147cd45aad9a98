package io.wayfinder.core.journey.map;

import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.instance.InstanceTrace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct customers at one step (event) of a journey map: each customer once, however many
 * of their instances or events reached the step, so their number is the step's
 * {@link JourneyMap.Node#customers()} on the same instances.
 *
 * @param total distinct customers at the step
 * @param customers the first {@code limit} of them, latest visit first
 */
public record StepCustomers(String event, int total, List<Row> customers) {

  /**
   * One customer at the step.
   *
   * @param instances their instances that reached the step
   * @param events how often they reached it
   * @param lastAt their latest event at the step
   */
  public record Row(String customer, int instances, int events, Instant lastAt) {}

  /** The customers of {@code instances} (already filtered as the map's) with an {@code event} event. */
  public static StepCustomers of(JourneyDataset d, List<InstanceTrace> instances, String event, int limit) {
    int activity = d.activityId(event);
    Map<Integer, int[]> byCase = new LinkedHashMap<>();
    long[] time = d.index().timeColumn();
    for (InstanceTrace t : instances) {
      boolean counted = false;
      for (int i : t.events()) {
        if (activity < 0 || d.activity(i) != activity) continue;
        // per customer: instances, events, index of the latest event at the step
        int[] c = byCase.computeIfAbsent(t.caseId(), x -> new int[] {0, 0, i});
        if (!counted) c[0]++;
        counted = true;
        c[1]++;
        if (time[i] >= time[c[2]]) c[2] = i;
      }
    }
    List<Row> rows = new ArrayList<>();
    byCase.forEach((c, v) -> rows.add(new Row(d.index().caseName(c), v[0], v[1], d.index().time(v[2]))));
    rows.sort(Comparator.comparing(Row::lastAt).reversed().thenComparing(Row::customer));
    return new StepCustomers(event, rows.size(), List.copyOf(rows.subList(0, Math.min(limit, rows.size()))));
  }
}
