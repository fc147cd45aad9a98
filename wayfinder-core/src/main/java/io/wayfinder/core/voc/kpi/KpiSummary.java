package io.wayfinder.core.voc.kpi;

/**
 * The headline figure of a group of responses on one scale, in its display unit: NPS in points
 * with the adjusted-Wald interval, CSAT top-two-box percent with the Wilson interval, CES mean
 * with the t interval.
 */
public record KpiSummary(ScoreScale scale, long responses, double value, Interval interval, double meanScore) {

  public static KpiSummary of(ScoreCounts counts, double confidence) {
    long n = counts.total();
    if (n == 0) {
      Interval none = new Interval(Double.NaN, Double.NaN);
      return new KpiSummary(counts.scale(), 0, Double.NaN, none, Double.NaN);
    }
    return switch (counts.scale()) {
      case NPS -> {
        Nps nps = Nps.of(counts);
        yield new KpiSummary(ScoreScale.NPS, n, nps.value(), nps.adjustedWald(confidence), counts.mean());
      }
      case CSAT -> {
        Csat csat = Csat.of(counts);
        yield new KpiSummary(ScoreScale.CSAT, n, csat.value(), csat.wilson(confidence), csat.mean());
      }
      case CES -> {
        Ces ces = Ces.of(counts);
        yield new KpiSummary(ScoreScale.CES, n, ces.mean(), ces.tInterval(confidence), ces.mean());
      }
    };
  }
}
