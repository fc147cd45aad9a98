package io.wayfinder.core.journey.painpoints;

import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.dataset.LongSample;
import io.wayfinder.core.journey.instance.InstanceStatus;
import io.wayfinder.core.journey.instance.InstanceTrace;
import io.wayfinder.core.journey.instance.StageAssignment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** The behavioural pain points of one journey, found in its instances. */
final class JourneyPainPoints {
  private static final double HOUR = 3600e6;
  private final StageAssignment journey;
  private final JourneyDataset d;
  private final List<InstanceTrace> instances;
  private final PainPointSettings s;
  private final String id;

  JourneyPainPoints(StageAssignment journey, List<InstanceTrace> instances, PainPointSettings s) {
    this.journey = journey;
    this.d = journey.data();
    this.instances = instances;
    this.s = s;
    this.id = journey.definition().id();
  }

  /** Each pain point's customers (by identity), so the detector can count a customer once across them. */
  final Map<PainPoint, BitSet> customersOf = new IdentityHashMap<>();

  private PainPoint found(PainPoint p, Affected who) {
    customersOf.put(p, who.customers);
    return p;
  }

  List<PainPoint> detect() {
    List<PainPoint> out = new ArrayList<>();
    out.addAll(waits());
    out.addAll(dropOffs());
    out.addAll(rework());
    out.addAll(switches());
    return out;
  }

  private String stageName(int stage) {
    return stage < 0 ? null : journey.definition().stageNames().get(stage);
  }

  private String name(int activity) {
    return d.index().activityName(activity);
  }

  /** Transitions whose median wait is far above the journey's typical (median) transition. */
  private List<PainPoint> waits() {
    long[] time = d.index().timeColumn();
    Map<Long, LongSample> gaps = new HashMap<>();
    Map<Long, Affected> who = new HashMap<>();
    Map<Long, Integer> stageOf = new HashMap<>();
    for (InstanceTrace t : instances) {
      int[] ev = t.events();
      for (int k = 1; k < ev.length; k++) {
        long edge = ((long) d.activity(ev[k - 1]) << 32) | d.activity(ev[k]);
        gaps.computeIfAbsent(edge, e -> new LongSample()).add(time[ev[k]] - time[ev[k - 1]]);
        who.computeIfAbsent(edge, e -> new Affected()).add(t.caseId());
        stageOf.putIfAbsent(edge, t.stages()[k]);
      }
    }
    List<Long> frequent = gaps.keySet().stream().filter(e -> gaps.get(e).size() >= s.minOccurrences()).toList();
    if (frequent.size() < 3) return List.of();
    LongSample medians = new LongSample();
    for (long e : frequent) medians.add((long) gaps.get(e).median());
    double typical = Math.max(medians.median(), 60e6);
    List<PainPoint> out = new ArrayList<>();
    for (long e : frequent) {
      double median = gaps.get(e).median();
      // the wait must stand out from the journey's other slow steps too, not only from its quick clicks
      double nextLongest = 0;
      for (long o : frequent) if (o != e) nextLongest = Math.max(nextLongest, gaps.get(o).median());
      if (median < s.waitFactor() * typical || median < HOUR || median < 2 * nextLongest) continue;
      double severity = 1 - typical / median;
      Affected a = who.get(e);
      String step = name((int) (e >>> 32)) + " → " + name((int) e);
      out.add(found(new PainPoint(0, PainPointKind.EXCESS_WAIT, id, stageName(stageOf.get(e)), step,
          String.format("median wait %.1f h, %.0f× the journey's median transition (%.1f h)", median / HOUR,
              median / typical, typical / HOUR),
          a.count(), a.occurrences, severity, a.valueAtStake(d, severity), List.of(
              new PainPoint.Evidence("medianWaitHours", median / HOUR, typical / HOUR),
              new PainPoint.Evidence("p90WaitHours", gaps.get(e).quantile(0.9) / HOUR, null),
              new PainPoint.Evidence("nextLongestMedianHours", nextLongest / HOUR, null))), a));
    }
    return out;
  }

  /** Stages where abandoned instances stop far more often than at the journey's other stages. */
  private List<PainPoint> dropOffs() {
    int stages = journey.stageCount();
    int[] reached = new int[stages];
    int[] stopped = new int[stages];
    Affected[] who = new Affected[stages];
    Map<Integer, int[]> lastEvent = new HashMap<>();
    for (InstanceTrace t : instances) {
      int far = t.furthestStage();
      for (int st = 0; st <= far; st++) reached[st]++;
      if (t.status() != InstanceStatus.ABANDONED || far < 0) continue;
      stopped[far]++;
      (who[far] == null ? who[far] = new Affected() : who[far]).add(t.caseId());
      lastEvent.computeIfAbsent(far, k -> new int[d.index().activityCount()])[d.activity(t.last())]++;
    }
    double[] rates = new double[stages];
    for (int st = 0; st < stages; st++) rates[st] = reached[st] == 0 ? 0 : (double) stopped[st] / reached[st];
    double[] sorted = rates.clone();
    Arrays.sort(sorted);
    double typical = sorted[sorted.length / 2];
    List<PainPoint> out = new ArrayList<>();
    for (int st = 0; st < stages; st++) {
      if (stopped[st] < s.minOccurrences() || rates[st] < 1.5 * typical + 0.05) continue;
      int[] last = lastEvent.get(st);
      int top = 0;
      for (int a = 1; a < last.length; a++) if (last[a] > last[top]) top = a;
      double severity = rates[st] - typical;
      out.add(found(new PainPoint(0, PainPointKind.DROP_OFF, id, stageName(st), name(top),
          String.format("%.0f%% of instances reaching %s are abandoned there (journey median %.0f%%)",
              100 * rates[st], stageName(st), 100 * typical),
          who[st].count(), stopped[st], severity, who[st].valueAtStake(d, severity), List.of(
              new PainPoint.Evidence("abandonRate", rates[st], typical),
              new PainPoint.Evidence("instancesReaching", reached[st], null))), who[st]));
    }
    return out;
  }

  /** Going back to an activity after doing something else (A → … → A); self-loops are browsing. */
  private List<PainPoint> rework() {
    Map<Integer, Affected> loops = new HashMap<>();
    Map<Integer, Integer> containing = new HashMap<>();
    Map<Integer, Integer> stageOf = new HashMap<>();
    for (InstanceTrace t : instances) {
      Map<Integer, Integer> seenAt = new HashMap<>();
      int[] ev = t.events();
      for (int k = 0; k < ev.length; k++) {
        int a = d.activity(ev[k]);
        Integer prev = seenAt.put(a, k);
        if (prev == null) {
          containing.merge(a, 1, Integer::sum);
          stageOf.putIfAbsent(a, t.stages()[k]);
        } else if (prev < k - 1) {
          loops.computeIfAbsent(a, x -> new Affected()).add(t.caseId());
        }
      }
    }
    List<PainPoint> out = new ArrayList<>();
    loops.forEach((a, who) -> {
      if (who.occurrences < s.minOccurrences()) return;
      double rate = (double) who.count() / containing.get(a);
      if (rate < 0.05) return;
      out.add(found(new PainPoint(0, PainPointKind.REWORK, id, stageName(stageOf.get(a)), name(a),
          String.format("%s done again after other steps in %.0f%% of the instances that reach it", name(a), 100 * rate),
          who.count(), who.occurrences, rate, who.valueAtStake(d, rate), List.of(
              new PainPoint.Evidence("reworkRate", rate, null),
              new PainPoint.Evidence("loops", who.occurrences, null))), who));
    });
    return out;
  }

  /** An assisted contact soon after a self-service step: grouped by that step and the contact. */
  private List<PainPoint> switches() {
    long[] time = d.index().timeColumn();
    long window = s.switchWindow().toNanos() / 1000;
    Map<Long, Affected> switches = new HashMap<>();
    Map<Integer, Integer> triggers = new HashMap<>();
    Map<Long, Integer> stageOf = new HashMap<>();
    for (InstanceTrace t : instances) {
      int[] ev = t.events();
      int lastSelf = -1;
      for (int k = 0; k < ev.length; k++) {
        String ch = d.channel().value(ev[k]);
        if (ch != null && s.selfService().contains(ch)) {
          lastSelf = k;
          triggers.merge(d.activity(ev[k]), 1, Integer::sum);
        } else if (ch != null && s.assisted().contains(ch) && lastSelf >= 0 && time[ev[k]] - time[ev[lastSelf]] <= window) {
          long key = ((long) d.activity(ev[lastSelf]) << 32) | d.activity(ev[k]);
          switches.computeIfAbsent(key, x -> new Affected()).add(t.caseId());
          stageOf.putIfAbsent(key, t.stages()[lastSelf]);
          lastSelf = -1; // one switch per self-service step
        }
      }
    }
    List<PainPoint> out = new ArrayList<>();
    switches.forEach((key, who) -> {
      if (who.occurrences < s.minOccurrences()) return;
      int from = (int) (key >>> 32);
      double rate = (double) who.occurrences / triggers.get(from);
      if (rate < 0.05) return;
      String step = name(from) + " → " + name((int) (long) key);
      out.add(found(new PainPoint(0, PainPointKind.CHANNEL_SWITCH, id, stageName(stageOf.get(key)), step,
          String.format("%.0f%% of %s on %s are followed by %s on an assisted channel within %d h", 100 * rate,
              name(from), s.selfService(), name((int) (long) key), s.switchWindow().toHours()),
          who.count(), who.occurrences, rate, who.valueAtStake(d, rate), List.of(
              new PainPoint.Evidence("switchRate", rate, null),
              new PainPoint.Evidence("selfServiceSteps", triggers.get(from), null))), who));
    });
    return out;
  }
}
