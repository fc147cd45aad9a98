package io.wayfinder.server.web;

import io.wayfinder.core.voc.kpi.KpiSummary;
import io.wayfinder.core.voc.kpi.ScoreCounts;
import io.wayfinder.core.voc.kpi.ScoreScale;
import java.util.Locale;
import java.util.Map;

/** One KPI as the pages show it: value, 95 % interval and responses; null fields where there is no data. */
record Kpi(String scale, Double value, Double low, Double high, long responses) {
  static Kpi of(ScoreScale scale, Map<Integer, Long> countsByScore) {
    KpiSummary s = KpiSummary.of(ScoreCounts.of(scale, countsByScore), 0.95);
    return new Kpi(scale.name().toLowerCase(Locale.ROOT), finite(s.value()), finite(s.interval().low()),
        finite(s.interval().high()), s.responses());
  }

  static ScoreScale scale(String questionType) {
    return switch (String.valueOf(questionType).toLowerCase(Locale.ROOT)) {
      case "nps" -> ScoreScale.NPS;
      case "csat" -> ScoreScale.CSAT;
      case "ces" -> ScoreScale.CES;
      default -> null;
    };
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : null;
  }
}
