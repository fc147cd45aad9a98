package io.wayfinder.core.predict.clv.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.wayfinder.core.predict.clv.summary.CohortSummary;
import io.wayfinder.core.predict.clv.summary.Purchase;
import io.wayfinder.core.predict.clv.summary.SummaryBuilder;
import io.wayfinder.core.predict.clv.summary.TimeScale;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fits recover the parameters that generated the data, within their standard errors. */
class FitOnSimulatedDataTest {
  private static final LocalDate START = LocalDate.of(2024, 1, 1);
  private static final LocalDate CAL = LocalDate.of(2024, 12, 31);
  private static final GammaGamma SPEND = new GammaGamma(6, 4, 15);

  private static CohortSummary simulate(java.util.function.Consumer<SummaryBuilder> draw) {
    SummaryBuilder b = SummaryBuilder.calibrationEnd(CAL);
    draw.accept(b);
    return b.build();
  }

  private static void assertRecovered(ModelFit<?> fit, Map<String, Double> truth) {
    assertThat(fit.converged()).isTrue();
    truth.forEach((name, value) -> {
      double est = fit.params().get(name);
      double se = fit.standardErrors().get(name);
      assertThat(Math.abs(est - value)).as("%s: %s vs true %s (se %s)", name, est, value, se).isLessThan(4 * se);
    });
  }

  @Test
  void bgNbdAndGammaGamma() {
    BgNbd truth = new BgNbd(0.4, 5, 0.8, 2.5);
    CohortSummary s = simulate(b -> new Simulator(1, TimeScale.WEEKS, SPEND).bgNbd(truth, 20_000, START, 84, CAL, b::add));
    assertRecovered(BgNbd.fit(s.frequencyData()), truth.params());
    assertRecovered(GammaGamma.fit(s.spendData()), SPEND.params());
  }

  @Test
  void paretoNbd() {
    ParetoNbd truth = new ParetoNbd(0.6, 8, 0.8, 12);
    CohortSummary s = simulate(b -> new Simulator(2, TimeScale.WEEKS, SPEND).paretoNbd(truth, 20_000, START, 84, CAL, b::add));
    assertRecovered(ParetoNbd.fit(s.frequencyData()), truth.params());
  }

  /** Degenerate data still give finite numbers (and say why the fit is doubtful). */
  @Test
  void noRepeatPurchasesAtAll() {
    CohortSummary s = simulate(b -> {
      for (int i = 0; i < 50; i++) b.add(new Purchase("c" + i, START.plusDays(i), 10));
    });
    for (ModelKind k : List.of(ModelKind.BGNBD, ModelKind.MBGNBD, ModelKind.PARETONBD)) {
      ModelFit<TransactionModel> fit = k.fit(s.frequencyData());
      assertThat(fit.logLikelihood()).as(k.id()).isFinite();
      assertThat(fit.params().values()).allSatisfy(v -> assertThat(v).isFinite().isPositive());
      assertThat(fit.standardErrors().values()).allSatisfy(v -> assertThat(v).isFinite());
      TransactionModel m = fit.model();
      assertThat(m.conditionalExpectedPurchases(52, 0, 0, 20)).isFinite().isNotNegative();
      assertThat(m.probabilityAlive(0, 0, 20)).isBetween(0.0, 1.0);
      assertThat(fit.converged() || !fit.warnings().isEmpty()).isTrue();
    }
  }

  @Test
  void singleRepeatCustomer() {
    CohortSummary s = simulate(b -> {
      b.add(new Purchase("a", START, 10));
      b.add(new Purchase("a", START.plusDays(30), 12));
    });
    ModelFit<GammaGamma> fit = GammaGamma.fit(s.spendData());
    assertThat(fit.logLikelihood()).isFinite();
    assertThat(fit.params().values()).allSatisfy(v -> assertThat(v).isFinite().isPositive());
    assertThat(fit.model().expectedSpend(1, 12)).isFinite();
  }
}
