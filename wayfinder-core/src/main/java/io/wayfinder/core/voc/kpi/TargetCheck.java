package io.wayfinder.core.voc.kpi;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A KPI target beside the journey's actual KPI and its status. */
public record TargetCheck(KpiTarget target, KpiSummary actual, TargetStatus status) {

  /** Checks every target against the responses, running one breakdown by journey per scale. */
  public static List<TargetCheck> all(List<KpiTarget> targets, ResponseTable responses, BreakdownEngine engine) {
    Map<ScoreScale, BreakdownResult> byScale = new EnumMap<>(ScoreScale.class);
    List<TargetCheck> out = new ArrayList<>(targets.size());
    for (KpiTarget t : targets) {
      BreakdownResult r = byScale.computeIfAbsent(t.scale(),
          s -> engine.run(Breakdown.of(s).by(Dimension.JOURNEY), responses));
      KpiSummary actual = r.row(t.journey()).map(BreakdownRow::kpi)
          .orElseGet(() -> KpiSummary.of(ScoreCounts.ofScores(t.scale()), r.breakdown().confidence()));
      out.add(new TargetCheck(t, actual, t.status(actual)));
    }
    return out;
  }
}
