package io.wayfinder.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wayfinder.core.event.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.stat.correlation.PearsonsCorrelation;
import org.hipparchus.stat.descriptive.rank.Median;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The planted problems, counted straight from the generated events. */
class PlantedProblemsTest {
  private static final PlantedProblems PLANTED = PlantedProblems.DEFAULT;
  private static final List<GeneratedCustomer> CUSTOMERS = new ArrayList<>();
  private static final List<String> NEGATIVE_WORDS =
      List.of("Terrible", "disaster", "Awful", "Worst", "failed", "frustrated", "disappointed");
  private static final List<String> POSITIVE_WORDS =
      List.of("Great", "excellent", "happy", "Love", "friendly");

  @BeforeAll
  static void generate() {
    SyntheticDataGenerator g = new SyntheticDataGenerator(new GeneratorConfig(2000, 2024));
    for (int i = 0; i < 2000; i++) CUSTOMERS.add(g.customer(i));
  }

  @Test
  void aboutThirtyPercentOfPaymentsFailAndMostOfThoseCustomersPhoneWithin48Hours() {
    var plant = PLANTED.callCentreFallback();
    int checkouts = 0; // checkouts that reached payment: an abandoned checkout never pays
    int failures = 0;
    int calledWithin48h = 0;
    for (GeneratedCustomer c : CUSTOMERS) {
      List<Event> events = c.events();
      boolean checkingOut = false;
      for (int i = 0; i < events.size(); i++) {
        Event e = events.get(i);
        if ("Checkout Started".equals(e.name())) checkingOut = true;
        if (plant.attemptEvent().equals(e.name()) && checkingOut) {
          checkouts++;
          checkingOut = false;
        }
        if (!plant.failureEvent().equals(e.name())) continue;
        failures++;
        for (int j = i + 1; j < events.size(); j++) {
          Event next = events.get(j);
          if (Duration.between(e.timestamp(), next.timestamp()).toHours() >= 48) break;
          if (plant.fallbackEvent().equals(next.name()) && plant.fallbackChannel().equals(next.channel())) {
            calledWithin48h++;
            break;
          }
        }
      }
    }
    assertThat((double) failures / checkouts).isCloseTo(plant.failureRate(), within(0.03));
    assertThat((double) calledWithin48h / failures).isCloseTo(plant.callWithin48hRate(), within(0.05));
  }

  @Test
  void theValuationHandOffTakesManyTimesLongerThanAnyOtherHomeLoanTransition() {
    var plant = PLANTED.slowHandOff();
    Map<String, List<Double>> waits = new HashMap<>();
    for (GeneratedCustomer c : CUSTOMERS) {
      Event previous = null;
      for (Event e : c.events()) {
        if (!plant.journey().equals(e.properties().get("journey"))) continue;
        if (previous != null) {
          waits.computeIfAbsent(previous.name() + " -> " + e.name(), k -> new ArrayList<>())
              .add(Duration.between(previous.timestamp(), e.timestamp()).toMinutes() / 1440.0);
        }
        previous = e;
      }
    }
    String handOff = plant.fromEvent() + " -> " + plant.toEvent();
    double slow = median(waits.get(handOff));
    assertThat(slow).isCloseTo(plant.medianDays(), within(2.0));
    waits.forEach((pair, days) -> {
      // Status calls happen during the wait and split it; they are part of the same problem.
      if (pair.equals(handOff) || pair.contains("Status Call") || days.size() < 20) return;
      assertThat(median(days)).as(pair).isLessThan(plant.otherTransitionsMedianDaysAtMost() + 0.5);
      assertThat(slow / median(days)).as(pair).isGreaterThan(4);
    });
  }

  @Test
  void broadbandRespondHasTheLowestNpsAndCsatOfAllStages() {
    var plant = PLANTED.poorStage();
    String poor = plant.journey() + "/" + plant.stage();
    for (String type : List.of("nps", "csat")) {
      Map<String, double[]> sums = new HashMap<>();
      for (GeneratedCustomer c : CUSTOMERS) {
        for (Event e : c.events()) {
          if (!"Survey Response".equals(e.name()) || !type.equals(e.properties().get("question_type"))) continue;
          double[] s = sums.computeIfAbsent(e.properties().get("journey") + "/" + e.properties().get("stage"), k -> new double[2]);
          s[0] += (Integer) e.properties().get("score");
          s[1]++;
        }
      }
      double poorMean = sums.get(poor)[0] / sums.get(poor)[1];
      double floor = type.equals("nps") ? plant.otherStagesMeanNpsAtLeast() : plant.otherStagesMeanCsatAtLeast();
      sums.forEach((stage, s) -> {
        if (stage.equals(poor)) return;
        assertThat(s[0] / s[1]).as(type + " " + stage).isGreaterThan(floor).isGreaterThan(poorMean + 1);
      });
      assertThat(poorMean).isCloseTo(type.equals("nps") ? plant.meanNps() : plant.meanCsat(), within(0.5));
    }
  }

  @Test
  void poorStageCommentsAreNegative() {
    long negative = 0;
    long positive = 0;
    long comments = 0;
    for (Event e : allEvents()) {
      if (!"Survey Response".equals(e.name()) || !"broadband_move".equals(e.properties().get("journey"))
          || !"Respond".equals(e.properties().get("stage")) || !e.properties().containsKey("comment")) continue;
      comments++;
      String text = (String) e.properties().get("comment");
      if (NEGATIVE_WORDS.stream().anyMatch(text::contains)) negative++;
      if (POSITIVE_WORDS.stream().anyMatch(text::contains)) positive++;
    }
    assertThat(comments).isGreaterThan(100);
    assertThat((double) negative / comments).isGreaterThan(0.6);
    assertThat((double) positive / comments).isLessThan(0.1);
  }

  @Test
  void valuationWaitDrivesHomeLoanNpsMoreThanAnyOtherDriver() {
    var plant = PLANTED.keyDriver();
    List<double[]> rows = new ArrayList<>(); // score, wait days, status calls, re-uploads
    for (GeneratedCustomer c : CUSTOMERS) {
      Event booked = null;
      double wait = Double.NaN;
      int calls = 0;
      int uploads = 0;
      for (Event e : c.events()) {
        if (plant.fromEvent().equals(e.name())) booked = e;
        if (plant.toEvent().equals(e.name()) && booked != null) {
          wait = Duration.between(booked.timestamp(), e.timestamp()).toMinutes() / 1440.0;
        }
        if ("Status Call".equals(e.name())) calls++;
        if ("Documents Uploaded".equals(e.name())) uploads++;
        if ("Survey Response".equals(e.name()) && plant.survey().equals(e.properties().get("survey"))) {
          rows.add(new double[] {(Integer) e.properties().get("score"), wait, calls, uploads - 1});
        }
      }
    }
    assertThat(rows.size()).isGreaterThan(100);
    double[][] columns = new double[4][rows.size()];
    for (int i = 0; i < rows.size(); i++) for (int k = 0; k < 4; k++) columns[k][i] = rows.get(i)[k];
    PearsonsCorrelation pearson = new PearsonsCorrelation();
    double waitR = pearson.correlation(columns[0], columns[1]);
    assertThat(waitR).isLessThan(-0.5);
    assertThat(Math.abs(pearson.correlation(columns[0], columns[2]))).isLessThan(Math.abs(waitR) / 2);
    assertThat(Math.abs(pearson.correlation(columns[0], columns[3]))).isLessThan(Math.abs(waitR) / 2);
  }

  @Test
  void atRiskCustomersComplainAndNeverBuyAgain() {
    int atRisk = 0;
    int othersComplaining = 0;
    int others = 0;
    for (GeneratedCustomer c : CUSTOMERS) {
      Event complaint = c.events().stream().filter(e -> "Complaint Filed".equals(e.name())).findFirst().orElse(null);
      if (!c.atRisk()) {
        others++;
        if (complaint != null) othersComplaining++;
        continue;
      }
      atRisk++;
      assertThat(c.lapsed()).isTrue();
      assertThat(complaint).as(c.userId()).isNotNull();
      assertThat(complaint.channel()).isEqualTo("call_centre");
      assertThat(c.events()).filteredOn(e -> "Order Completed".equals(e.name()))
          .allMatch(o -> o.timestamp().isBefore(complaint.timestamp()));
    }
    assertThat(atRisk).isGreaterThan(150);
    assertThat((double) othersComplaining / others).isLessThan(0.1);
  }

  @Test
  void meanSpendFollowsTheGammaGammaModel() {
    var m = PLANTED.purchaseModel();
    double sum = 0;
    int n = 0;
    for (Event e : allEvents()) {
      if (m.purchaseEvent().equals(e.name())) {
        sum += ((Number) e.properties().get("revenue")).doubleValue();
        n++;
      }
    }
    double expected = m.p() * m.gamma() / (m.q() - 1);
    assertThat(sum / n).isCloseTo(expected, within(expected * 0.1));
  }

  private static List<Event> allEvents() {
    return CUSTOMERS.stream().flatMap(c -> c.events().stream()).toList();
  }

  private static double median(List<Double> values) {
    return new Median().evaluate(values.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
