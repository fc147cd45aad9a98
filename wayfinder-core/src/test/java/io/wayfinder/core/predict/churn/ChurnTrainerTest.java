package io.wayfinder.core.predict.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wayfinder.core.event.Event;
import io.wayfinder.core.event.EventType;
import io.wayfinder.core.generate.GenerationSummary;
import io.wayfinder.core.generate.GeneratorConfig;
import io.wayfinder.core.generate.SyntheticDataGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The churn model on generated customers, fed straight from the generator (no store). */
class ChurnTrainerTest {
  static final List<Interaction> interactions = new ArrayList<>();
  static GenerationSummary summary;
  static ChurnTraining training;

  @BeforeAll
  static void train() {
    summary = new SyntheticDataGenerator(new GeneratorConfig(2000, 42)).generate(e -> {
      Interaction i = of(e);
      if (i != null) interactions.add(i);
    });
    training = ChurnTrainer.train(interactions, null, ChurnConfig.DEFAULT);
  }

  /** Server-side events carry the user id; device events before login do not and are left out here. */
  static Interaction of(Event e) {
    if (e.type() != EventType.TRACK || e.userId() == null) return null;
    Object channel = e.context().get("channel");
    Object score = e.properties().get("score");
    return new Interaction(e.userId(), e.timestamp().toEpochMilli(), e.name(), channel == null ? null : channel.toString(),
        (String) e.properties().get("comment"), (String) e.properties().get("question_type"),
        score instanceof Number n ? n.doubleValue() : Double.NaN);
  }

  @Test
  void holdoutAucIsHighAndCalibrationIsReported() {
    ClassifierMetrics h = training.holdout();
    System.out.printf("holdout: rows %d, churn rate %.3f, AUC %.4f, Brier %.4f (base-rate Brier %.4f)%n", h.rows(),
        h.baseRate(), h.auc(), h.brier(), h.baseRate() * (1 - h.baseRate()));
    h.reliability().forEach(b -> System.out.printf("  [%.1f,%.1f) n=%d predicted %.3f observed %.3f%n", b.from(), b.to(),
        b.rows(), b.meanPredicted(), b.observedRate()));
    training.model().importance().forEach(i -> System.out.printf("  %-26s %+.3f%n", i.feature(), i.coefficient()));
    assertThat(h.auc()).isGreaterThan(0.75);
    assertThat(h.brier()).isLessThan(h.baseRate() * (1 - h.baseRate()));
    assertThat(training.validationCutoff()).isEqualTo(training.asOf().minusSeconds(90L * 86400));
  }

  @Test
  void plantedAtRiskCustomersRankHigh() {
    List<ChurnScore> scores = training.scores();
    Set<String> atRisk = new HashSet<>(summary.atRiskUserIds());
    int n = scores.size();
    int topQuintile = n / 5;
    long inTopQuintile = scores.subList(0, topQuintile).stream().filter(s -> atRisk.contains(s.customer())).count();
    long scored = scores.stream().filter(s -> atRisk.contains(s.customer())).count();
    double meanPercentile = 0;
    for (int i = 0; i < n; i++) if (atRisk.contains(scores.get(i).customer())) meanPercentile += 1 - (double) i / n;
    meanPercentile /= scored;
    System.out.printf("at-risk: %d planted, %d scored, %d in the top quintile of %d (%.1f %%), mean risk percentile %.3f%n",
        atRisk.size(), scored, inTopQuintile, n, 100.0 * inTopQuintile / scored, meanPercentile);
    assertThat(scored).isEqualTo(atRisk.size());
    // The planted customers are about a fifth of all; 86 % of them land in the top risk quintile (seed 42).
    assertThat((double) inTopQuintile / scored).isGreaterThan(0.6);
    assertThat(meanPercentile).isGreaterThan(0.7);
  }

  @Test
  void storedModelScoresLikeTheTrainedOne() {
    List<ChurnScore> again = ChurnTrainer.score(training.model(), interactions, training.asOf(), ChurnConfig.DEFAULT);
    assertThat(again).isEqualTo(training.scores());
    assertThat(again).allSatisfy(s -> assertThat(s.risk()).isBetween(0.0, 1.0));
  }

  @Test
  void badInputGivesClearErrors() {
    assertThatThrownBy(() -> ChurnTrainer.train(List.of(), null, ChurnConfig.DEFAULT)).hasMessageContaining("no events");
    List<Interaction> noPurchases = interactions.stream().filter(i -> !i.name().equals("Order Completed")).toList();
    assertThatThrownBy(() -> ChurnTrainer.train(noPurchases, null, ChurnConfig.DEFAULT))
        .hasMessageContaining("no 'Order Completed' events");
    assertThatThrownBy(() -> ChurnTrainer.train(interactions, Instant.parse("2024-03-01T00:00:00Z"), ChurnConfig.DEFAULT))
        .hasMessageContaining("needs more than 180 days");
    assertThatThrownBy(() -> ChurnTrainer.train(interactions, Instant.parse("2020-01-01T00:00:00Z"), ChurnConfig.DEFAULT))
        .hasMessageContaining("no purchase before 2020-01-01");
  }
}
