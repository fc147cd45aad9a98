package io.wayfinder.core.voc.kpi;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Reproducible made-up survey responses for demos, tests and benchmarks: journeys × the four
 * default stages × touchpoints × channels × segments over a number of days, one stage planted
 * with poorer scores. Scores are drawn from a latent satisfaction in 0 … 1 mapped onto each scale.
 */
public final class SyntheticResponses {
  public static final List<String> JOURNEYS = List.of("onboarding", "purchase", "support", "renewal", "claims");
  public static final List<String> STAGES = List.of("recognize", "request", "respond", "repeat");
  public static final List<String> CHANNELS = List.of("web", "app", "store", "call centre", "e-mail");
  public static final List<String> SEGMENTS = List.of("new", "regular", "vip", "at risk");
  public static final int TOUCHPOINTS_PER_STAGE = 5;

  private final long seed;
  private final String weakStage;
  private final double weakPenalty;
  private final Instant start;
  private final int days;

  /**
   * @param weakStage the stage whose latent satisfaction is lowered
   * @param weakPenalty how much lower, on the 0 … 1 latent scale (0.15 is clearly visible)
   */
  public SyntheticResponses(long seed, String weakStage, double weakPenalty, Instant start, int days) {
    if (!STAGES.contains(weakStage)) throw new IllegalArgumentException("unknown stage " + weakStage);
    this.seed = seed;
    this.weakStage = weakStage;
    this.weakPenalty = weakPenalty;
    this.start = start;
    this.days = days;
  }

  /** Emits {@code n} responses, the scales in turn NPS, CSAT, CES. */
  public void generate(int n, Consumer<SurveyResponse> sink) {
    SplittableRandom rnd = new SplittableRandom(seed);
    ScoreScale[] scales = ScoreScale.values();
    long spanSeconds = days * 86_400L;
    for (int i = 0; i < n; i++) {
      String stage = STAGES.get(rnd.nextInt(STAGES.size()));
      double latent = 0.72 + 0.18 * (rnd.nextDouble() + rnd.nextDouble() + rnd.nextDouble() - 1.5);
      if (stage.equals(weakStage)) latent -= weakPenalty;
      latent = Math.max(0, Math.min(1, latent + 0.1 * (rnd.nextDouble() - 0.5)));
      ScoreScale scale = scales[i % scales.length];
      int score = scale.min() + (int) Math.round(latent * (scale.max() - scale.min()));
      sink.accept(new SurveyResponse(score, scale,
          JOURNEYS.get(rnd.nextInt(JOURNEYS.size())),
          stage,
          stage + "-" + (1 + rnd.nextInt(TOUCHPOINTS_PER_STAGE)),
          CHANNELS.get(rnd.nextInt(CHANNELS.size())),
          SEGMENTS.get(rnd.nextInt(SEGMENTS.size())),
          start.plusSeconds(rnd.nextLong(spanSeconds))));
    }
  }

  /** {@code n} responses as a table. */
  public ResponseTable table(int n) {
    ResponseTable.Builder b = ResponseTable.builder();
    generate(n, b::add);
    return b.build();
  }
}
