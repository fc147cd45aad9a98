package io.wayfinder.core.journey.painpoints;

import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.dataset.SurveyAnswer;
import io.wayfinder.core.journey.definition.JourneyDefinition;
import io.wayfinder.core.journey.instance.InstanceFinder;
import io.wayfinder.core.journey.instance.InstanceTrace;
import io.wayfinder.core.journey.instance.StageAssignment;
import io.wayfinder.core.voc.kpi.KpiSummary;
import io.wayfinder.core.voc.kpi.ScoreCounts;
import io.wayfinder.core.voc.kpi.ScoreScale;
import io.wayfinder.core.voc.sentiment.SentimentAnalyzer;
import java.time.Instant;
import io.wayfinder.core.journey.instance.InstanceFilter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds and ranks pain points: unusual drop-off, excess waits, rework loops and channel switches
 * in each journey's instances, and stages whose survey scores ("Survey Response" events with
 * {@code question_type}, {@code score}, {@code comment}, {@code journey}, {@code stage}) are
 * clearly below the rest. Ranked by value at stake, then affected customers.
 */
public final class PainPointDetector {
  private static final double SCORE_GAP = 0.15;
  private final JourneyDataset data;
  private final List<JourneyDefinition> journeys;
  private final PainPointSettings settings;

  public PainPointDetector(JourneyDataset data, List<JourneyDefinition> journeys, PainPointSettings settings) {
    this.data = data;
    this.journeys = List.copyOf(journeys);
    this.settings = settings;
  }

  /** Pain points of one journey (null: all), best first; {@code asOf} null = the last event. */
  public List<PainPoint> detect(String journeyId, Instant asOf) {
    return detect(journeyId, asOf, InstanceFilter.ALL).painPoints();
  }

  /**
   * Pain points of the instances {@code filter} keeps (survey scores: the answers of those
   * instances' customers within the filter's period), with their value at stake counted once per customer.
   */
  public PainPointReport detect(String journeyId, Instant asOf, InstanceFilter filter) {
    List<PainPoint> found = new ArrayList<>();
    Map<PainPoint, BitSet> customersOf = new IdentityHashMap<>();
    Map<String, Map<String, Affected>> reachedStage = new HashMap<>();
    BitSet shown = new BitSet();
    for (JourneyDefinition j : journeys) {
      if (journeyId != null && !journeyId.equals(j.id())) continue;
      StageAssignment a = new StageAssignment(data, j);
      List<InstanceTrace> instances = filter.apply(data, new InstanceFinder(a).find(asOf));
      JourneyPainPoints jp = new JourneyPainPoints(a, instances, settings);
      found.addAll(jp.detect());
      customersOf.putAll(jp.customersOf);
      Map<String, Affected> byStage = new HashMap<>();
      for (InstanceTrace t : instances) {
        shown.set(t.caseId());
        for (int st : t.stages()) if (st >= 0) byStage.computeIfAbsent(j.stageNames().get(st), k -> new Affected()).customers.set(t.caseId());
      }
      reachedStage.put(j.id(), byStage);
    }
    found.addAll(lowScores(journeyId, reachedStage, filter.equals(InstanceFilter.ALL) ? null : shown, filter, customersOf));
    found.sort(Comparator.comparingDouble(PainPoint::valueAtStake).reversed()
        .thenComparing(p -> -p.affectedCustomers() * p.severity()));
    PainPointReport.ValueAtStake total = total(found, customersOf);
    List<PainPoint> ranked = new ArrayList<>();
    for (PainPoint p : found) ranked.add(p.ranked(ranked.size() + 1));
    return new PainPointReport(ranked, total);
  }

  /** Each customer once, weighted by the worst severity that touches them; a sum per pain point would count them again in each. */
  private PainPointReport.ValueAtStake total(List<PainPoint> found, Map<PainPoint, BitSet> customersOf) {
    double[] worst = new double[data.caseCount()];
    BitSet any = new BitSet();
    for (PainPoint p : found) {
      BitSet who = customersOf.get(p);
      double sev = Math.max(0, Math.min(1, p.severity()));
      for (int c = who.nextSetBit(0); c >= 0; c = who.nextSetBit(c + 1)) worst[c] = Math.max(worst[c], sev);
      any.or(who);
    }
    double value = 0;
    double atStake = 0;
    for (int c = any.nextSetBit(0); c >= 0; c = any.nextSetBit(c + 1)) {
      value += data.customerValue(c);
      atStake += data.customerValue(c) * worst[c];
    }
    return new PainPointReport.ValueAtStake(any.cardinality(), Math.round(value * 100) / 100.0,
        Math.round(atStake * 100) / 100.0, PainPointReport.ValueAtStake.METHOD);
  }

  private List<PainPoint> lowScores(String journeyId, Map<String, Map<String, Affected>> reachedStage, BitSet customers,
      InstanceFilter filter, Map<PainPoint, BitSet> customersOf) {
    SentimentAnalyzer sentiment = SentimentAnalyzer.vader();
    Map<String, SurveyScores> groups = new HashMap<>();
    SurveyScores all = new SurveyScores();
    int[] caseOf = data.index().caseColumn();
    for (SurveyAnswer a : data.surveys()) {
      ScoreScale scale = SurveyScores.scale(a);
      if (scale == null || a.journey() == null || a.stage() == null) continue;
      if (customers != null && (!customers.get(caseOf[a.event()]) || !filter.inPeriod(data.index().time(a.event())))) continue;
      all.add(data, a, scale, sentiment);
      if (journeyId == null || journeyId.equals(a.journey())) {
        groups.computeIfAbsent(a.journey() + "\u0000" + a.stage(), k -> new SurveyScores()).add(data, a, scale, sentiment);
      }
    }
    List<PainPoint> out = new ArrayList<>();
    double overall = all.mean();
    groups.forEach((key, g) -> {
      if (g.answers < settings.minOccurrences() || g.mean() > overall - SCORE_GAP) return;
      String[] js = key.split("\u0000", 2);
      double severity = (overall - g.mean()) / overall;
      Affected who = reachedStage.getOrDefault(js[0], Map.of()).getOrDefault(js[1], g.respondents);
      List<PainPoint.Evidence> evidence = new ArrayList<>(List.of(
          new PainPoint.Evidence("meanScore0to1", g.mean(), overall),
          new PainPoint.Evidence("responses", g.answers, null),
          new PainPoint.Evidence("negativeCommentShare", g.negativeShare(), all.negativeShare())));
      for (ScoreScale scale : ScoreScale.values()) {
        Map<Integer, Long> counts = g.countsOf(scale);
        if (counts.isEmpty()) continue;
        KpiSummary k = KpiSummary.of(ScoreCounts.of(scale, counts), 0.95);
        KpiSummary base = KpiSummary.of(ScoreCounts.of(scale, all.countsOf(scale)), 0.95);
        evidence.add(new PainPoint.Evidence(scale.name().toLowerCase(), k.value(), base.value()));
      }
      PainPoint p = new PainPoint(0, PainPointKind.LOW_SCORE, js[0], js[1], js[1],
          String.format("survey scores %.0f%% of the scale against %.0f%% overall; %.0f%% of comments negative",
              100 * g.mean(), 100 * overall, 100 * g.negativeShare()),
          who.count(), g.answers, severity, who.valueAtStake(data, severity), evidence);
      customersOf.put(p, who.customers);
      out.add(p);
    });
    return out;
  }
}
