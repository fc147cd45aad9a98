package io.wayfinder.core.journey.map;

import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.dataset.LongSample;
import io.wayfinder.core.journey.dataset.SurveyAnswer;
import io.wayfinder.core.journey.instance.InstanceFilter;
import io.wayfinder.core.journey.instance.InstanceFinder;
import io.wayfinder.core.journey.instance.InstanceStatus;
import io.wayfinder.core.journey.instance.InstanceTrace;
import io.wayfinder.core.journey.instance.StageAssignment;
import io.wayfinder.core.voc.kpi.KpiSummary;
import io.wayfinder.core.voc.kpi.ScoreCounts;
import io.wayfinder.core.voc.kpi.ScoreScale;
import io.wayfinder.core.voc.sentiment.SentimentAnalyzer;
import io.wayfinder.core.voc.sentiment.SentimentClass;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@link JourneyMap} of one journey from its instances and survey answers. */
public final class JourneyMapBuilder {
  private final StageAssignment journey;

  public JourneyMapBuilder(StageAssignment journey) {
    this.journey = journey;
  }

  public JourneyMap build(Instant asOf) {
    return build(asOf, InstanceFilter.ALL);
  }

  /**
   * The map of the instances {@code filter} keeps (whole instances); the stage KPIs count the
   * answers of those instances' customers given within the filter's period.
   */
  public JourneyMap build(Instant asOf, InstanceFilter filter) {
    JourneyDataset d = journey.data();
    long[] time = d.index().timeColumn();
    List<InstanceTrace> instances = filter.apply(d, new InstanceFinder(journey).find(asOf));
    List<String> stageNames = journey.definition().stageNames();
    int stages = stageNames.size();
    int[] reached = new int[stages];
    int[] convertedAt = new int[stages];
    LongSample[] inStage = new LongSample[stages];
    for (int s = 0; s < stages; s++) inStage[s] = new LongSample();
    Map<Integer, int[]> nodeCounts = new LinkedHashMap<>();
    Map<Integer, BitSet> nodeCustomers = new HashMap<>();
    Map<Integer, Integer> nodeStage = new HashMap<>();
    Map<Long, LongSample> links = new LinkedHashMap<>();
    int converted = 0;
    for (InstanceTrace t : instances) {
      boolean conv = t.status() == InstanceStatus.CONVERTED;
      if (conv) converted++;
      int[] ev = t.events();
      long[] enter = new long[stages];
      java.util.Arrays.fill(enter, Long.MIN_VALUE);
      long[] lastIn = new long[stages];
      for (int k = 0; k < ev.length; k++) {
        int a = d.activity(ev[k]);
        nodeCounts.computeIfAbsent(a, x -> new int[1])[0]++;
        nodeCustomers.computeIfAbsent(a, x -> new BitSet()).set(t.caseId());
        if (t.stages()[k] >= 0) nodeStage.putIfAbsent(a, t.stages()[k]);
        if (k > 0) links.computeIfAbsent(((long) d.activity(ev[k - 1]) << 32) | a, x -> new LongSample())
            .add(time[ev[k]] - time[ev[k - 1]]);
        int s = t.stages()[k];
        if (s < 0) continue;
        if (enter[s] == Long.MIN_VALUE) enter[s] = time[ev[k]];
        lastIn[s] = time[ev[k]];
      }
      for (int s = 0; s < stages; s++) {
        if (enter[s] == Long.MIN_VALUE) continue;
        reached[s]++;
        if (conv) convertedAt[s]++;
        long until = lastIn[s];
        for (int later = s + 1; later < stages; later++) {
          if (enter[later] != Long.MIN_VALUE && enter[later] >= enter[s]) {
            until = enter[later];
            break;
          }
        }
        inStage[s].add(until - enter[s]);
      }
    }
    BitSet shown = new BitSet();
    for (InstanceTrace t : instances) shown.set(t.caseId());
    Map<String, Kpis> kpis = kpis(d, stageNames, filter.equals(InstanceFilter.ALL) ? null : shown, filter);
    List<JourneyMap.StageSummary> stageList = new ArrayList<>();
    for (int s = 0; s < stages; s++) {
      stageList.add(new JourneyMap.StageSummary(stageNames.get(s), reached[s], ratio(reached[s], instances.size(), 0.0),
          ratio(convertedAt[s], reached[s], null), LongSample.seconds(inStage[s].median()),
          kpis.getOrDefault(stageNames.get(s), new Kpis()).toKpis()));
    }
    List<JourneyMap.Node> nodes = new ArrayList<>();
    nodeCounts.forEach((a, c) -> nodes.add(new JourneyMap.Node(d.index().activityName(a),
        nodeStage.containsKey(a) ? stageNames.get(nodeStage.get(a)) : null, c[0], nodeCustomers.get(a).cardinality())));
    nodes.sort(Comparator.comparingInt((JourneyMap.Node n) -> n.stage() == null ? stages : stageNames.indexOf(n.stage()))
        .thenComparing(n -> -n.events()).thenComparing(JourneyMap.Node::event));
    List<JourneyMap.Link> linkList = new ArrayList<>();
    links.forEach((e, sample) -> linkList.add(new JourneyMap.Link(d.index().activityName((int) (e >>> 32)),
        d.index().activityName((int) (long) e), sample.size(), LongSample.seconds(sample.median()))));
    linkList.sort(Comparator.comparingInt((JourneyMap.Link l) -> -l.count()).thenComparing(JourneyMap.Link::from)
        .thenComparing(JourneyMap.Link::to));
    var def = journey.definition();
    return new JourneyMap(def.id(), def.name(), def.owner(), instances.size(), converted,
        ratio(converted, instances.size(), null), stageList, nodes, linkList);
  }

  private static Double ratio(int a, int b, Double none) {
    return b == 0 ? none : Double.valueOf((double) a / b);
  }

  /** {@code customers} null: every answer; else only theirs, given within the filter's period. */
  private Map<String, Kpis> kpis(JourneyDataset d, List<String> stageNames, BitSet customers, InstanceFilter filter) {
    SentimentAnalyzer sentiment = SentimentAnalyzer.vader();
    Map<String, Kpis> byStage = new HashMap<>();
    int[] caseOf = d.index().caseColumn();
    for (SurveyAnswer a : d.surveys()) {
      if (!journey.definition().id().equals(a.journey()) || !stageNames.contains(a.stage())) continue;
      if (customers != null && (!customers.get(caseOf[a.event()]) || !filter.inPeriod(d.index().time(a.event())))) continue;
      Kpis k = byStage.computeIfAbsent(a.stage(), s -> new Kpis());
      if (a.questionType() != null && a.score() != null) {
        for (ScoreScale scale : ScoreScale.values()) {
          if (scale.name().equalsIgnoreCase(a.questionType()) && scale.accepts(a.score())) {
            k.scores.computeIfAbsent(scale, x -> new HashMap<>()).merge(a.score(), 1L, Long::sum);
          }
        }
      }
      if (a.comment() != null && !a.comment().isBlank()) {
        double c = sentiment.score(a.comment()).compound();
        k.comments++;
        k.compound += c;
        if (SentimentClass.of(c) == SentimentClass.NEGATIVE) k.negative++;
      }
    }
    return byStage;
  }

  /** Sums of one stage's answers. */
  private static final class Kpis {
    final Map<ScoreScale, Map<Integer, Long>> scores = new HashMap<>();
    int comments;
    int negative;
    double compound;

    JourneyMap.Kpis toKpis() {
      return new JourneyMap.Kpis(kpi(ScoreScale.NPS), kpi(ScoreScale.CSAT), kpi(ScoreScale.CES),
          comments == 0 ? null : new JourneyMap.Sentiment(comments, compound / comments, (double) negative / comments));
    }

    private JourneyMap.Kpi kpi(ScoreScale scale) {
      Map<Integer, Long> m = scores.get(scale);
      if (m == null) return null;
      KpiSummary s = KpiSummary.of(ScoreCounts.of(scale, m), 0.95);
      return new JourneyMap.Kpi(s.responses(), finite(s.value()), finite(s.interval().low()), finite(s.interval().high()));
    }

    private static Double finite(double v) {
      return Double.isFinite(v) ? v : null;
    }
  }
}
