package io.wayfinder.core.voc.kpi;

import java.util.Collection;

/**
 * Net Promoter Score from promoters (9–10), passives (7–8) and detractors (0–6), in points
 * (−100 … +100). Each response counts +1, 0 or −1, so the per-response variance is
 * s² = p + d − (p − d)² with p, d the promoter and detractor shares, and SE = √(s²/n).
 */
public record Nps(long promoters, long passives, long detractors) {

  public Nps {
    if (promoters < 0 || passives < 0 || detractors < 0) throw new IllegalArgumentException("negative NPS count");
  }

  public static Nps of(ScoreCounts counts) {
    if (counts.scale() != ScoreScale.NPS) throw new IllegalArgumentException("NPS needs 0–10 scores, got " + counts.scale());
    return new Nps(counts.countBetween(9, 10), counts.countBetween(7, 8), counts.countBetween(0, 6));
  }

  /** One NPS over several surveys (or groups): their responses pooled. */
  public static Nps pooled(Collection<Nps> parts) {
    long p = 0;
    long pa = 0;
    long d = 0;
    for (Nps n : parts) {
      p += n.promoters;
      pa += n.passives;
      d += n.detractors;
    }
    return new Nps(p, pa, d);
  }

  public long responses() {
    return promoters + passives + detractors;
  }

  /** NPS in points. */
  public double value() {
    return 100.0 * (promoters - detractors) / responses();
  }

  /** Standard error in points. */
  public double standardError() {
    return 100 * standardError(promoters, detractors, responses());
  }

  /** Wald interval value ± z·SE, in points, cut to −100 … +100. */
  public Interval wald(double confidence) {
    double half = Quantiles.z(confidence) * standardError();
    return new Interval(value() - half, value() + half).within(-100, 100);
  }

  /**
   * Adjusted-Wald interval (Rocks 2016): 3 responses added, 0.75 of them to promoters and 0.75 to
   * detractors, then a Wald interval around the adjusted NPS, cut to −100 … +100. Better coverage
   * for small samples; because it is centred on the adjusted NPS, with very few responses the raw
   * NPS may lie outside it (one detractor: NPS −100, interval −98.5 … 48.5).
   */
  public Interval adjustedWald(double confidence) {
    double n = responses() + 3.0;
    double centre = adjustedValue();
    double half = Quantiles.z(confidence) * 100 * standardError(promoters + 0.75, detractors + 0.75, n);
    return new Interval(centre - half, centre + half).within(-100, 100);
  }

  /** The centre of the adjusted-Wald interval, in points. */
  public double adjustedValue() {
    return 100.0 * (promoters - detractors) / (responses() + 3.0);
  }

  private static double standardError(double promoters, double detractors, double n) {
    double p = promoters / n;
    double d = detractors / n;
    return Math.sqrt((p + d - (p - d) * (p - d)) / n);
  }
}
