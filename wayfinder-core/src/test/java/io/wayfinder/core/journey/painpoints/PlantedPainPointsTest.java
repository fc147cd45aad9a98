package io.wayfinder.core.journey.painpoints;

import static org.assertj.core.api.Assertions.assertThat;

import io.wayfinder.core.event.Event;
import io.wayfinder.core.generate.GeneratedCustomer;
import io.wayfinder.core.generate.GeneratorConfig;
import io.wayfinder.core.generate.PlantedProblems;
import io.wayfinder.core.generate.SyntheticDataGenerator;
import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.dataset.JourneyDatasetBuilder;
import io.wayfinder.core.journey.definition.CatalogDefinitions;
import io.wayfinder.core.journey.definition.JourneyDefinition;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Acceptance: on generated data, every planted problem ranks in the top five with the right step and size. */
class PlantedPainPointsTest {
  private static final PlantedProblems PLANTED = PlantedProblems.DEFAULT;
  private static final int CUSTOMERS = 2000;
  static JourneyDataset data;
  static List<JourneyDefinition> journeys;
  static List<PainPoint> ranked;

  @BeforeAll
  static void generate() {
    SyntheticDataGenerator g = new SyntheticDataGenerator(new GeneratorConfig(CUSTOMERS, 42));
    JourneyDatasetBuilder b = new JourneyDatasetBuilder();
    for (int i = 0; i < CUSTOMERS; i++) {
      GeneratedCustomer c = g.customer(i);
      for (Event e : c.events()) if (e.name() != null) b.add(c.userId(), e);
    }
    data = b.build();
    journeys = CatalogDefinitions.of(g.catalog());
    ranked = new PainPointDetector(data, journeys, PainPointSettings.DEFAULT).detect(null, null);
    ranked.stream().limit(15).forEach(p -> System.out.printf("%d %s %s/%s %s n=%d occ=%d sev=%.2f value=%.0f %s%n",
        p.rank(), p.kind(), p.journey(), p.stage(), p.step(), p.affectedCustomers(), p.occurrences(), p.severity(),
        p.valueAtStake(), p.summary()));
  }

  private static List<PainPoint> top5() {
    return ranked.subList(0, Math.min(5, ranked.size()));
  }

  @Test
  void theCallCentreFallbackAfterAFailedPaymentIsInTheTopFive() {
    var plant = PLANTED.callCentreFallback();
    assertThat(top5()).anySatisfy(p -> {
      assertThat(p.kind()).isEqualTo(PainPointKind.CHANNEL_SWITCH);
      assertThat(p.journey()).isEqualTo(plant.journey());
      assertThat(p.stage()).isEqualTo(plant.stage());
      assertThat(p.step()).isEqualTo(plant.failureEvent() + " → " + plant.fallbackEvent());
      assertThat(p.severity()).isBetween(plant.callWithin48hRate() - 0.1, plant.callWithin48hRate() + 0.1);
      assertThat(p.affectedCustomers()).isGreaterThan(CUSTOMERS / 10);
    });
  }

  @Test
  void theSlowValuationHandOffIsInTheTopFive() {
    var plant = PLANTED.slowHandOff();
    assertThat(top5()).anySatisfy(p -> {
      assertThat(p.kind()).isEqualTo(PainPointKind.EXCESS_WAIT);
      assertThat(p.journey()).isEqualTo(plant.journey());
      assertThat(p.stage()).isEqualTo(plant.stage());
      assertThat(p.step()).isEqualTo(plant.fromEvent() + " → " + plant.toEvent());
      double medianDays = p.evidence().get(0).value() / 24;
      assertThat(medianDays).isBetween(plant.medianDays() * 0.8, plant.medianDays() * 1.2);
    });
  }

  @Test
  void thePoorScoringBroadbandRespondStageIsInTheTopFive() {
    var plant = PLANTED.poorStage();
    assertThat(top5()).anySatisfy(p -> {
      assertThat(p.kind()).isEqualTo(PainPointKind.LOW_SCORE);
      assertThat(p.journey()).isEqualTo(plant.journey());
      assertThat(p.stage()).isEqualTo(plant.stage());
      assertThat(p.evidence()).filteredOn(e -> e.metric().equals("negativeCommentShare"))
          .singleElement().satisfies(e -> assertThat(e.value()).isGreaterThan(0.5));
      assertThat(p.evidence()).filteredOn(e -> e.metric().equals("nps"))
          .singleElement().satisfies(e -> assertThat(e.value()).isLessThan(-50));
    });
  }

  @Test
  void everyPainPointCarriesEvidenceAndTheRankingIsByValueAtStake() {
    assertThat(ranked).isNotEmpty().allSatisfy(p -> {
      assertThat(p.evidence()).isNotEmpty();
      assertThat(p.affectedCustomers()).isPositive();
    });
    for (int k = 1; k < ranked.size(); k++) {
      assertThat(ranked.get(k).valueAtStake()).isLessThanOrEqualTo(ranked.get(k - 1).valueAtStake());
    }
  }
}
