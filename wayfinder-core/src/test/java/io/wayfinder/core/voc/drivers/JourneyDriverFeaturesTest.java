package io.wayfinder.core.voc.drivers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JourneyDriverFeaturesTest {
  static final long DAY = 86_400_000L;

  /** Customers book, wait, get a visit and answer; the score falls with the wait. */
  static List<JourneyStep> journeys(int customers, long seed) {
    Random rnd = new Random(seed);
    List<JourneyStep> steps = new ArrayList<>();
    for (int c = 1; c <= customers; c++) {
      long t = 1_700_000_000_000L + c * DAY;
      double wait = 2 + 10 * rnd.nextDouble();
      int calls = rnd.nextInt(3);
      steps.add(new JourneyStep(c, "Booked", "web", t, null, null, null));
      for (int i = 0; i < calls; i++) steps.add(new JourneyStep(c, "Status Call", "call_centre", t + (i + 1) * 1000, null, null, null));
      steps.add(new JourneyStep(c, "Visit", "partner", t + (long) (wait * DAY), null, null, null));
      int score = (int) Math.max(0, Math.min(10, Math.round(11 - 0.6 * wait - 0.2 * calls + rnd.nextGaussian() * 0.5)));
      steps.add(new JourneyStep(c, null, "email", t + (long) ((wait + 1) * DAY), "nps", score, "visit_nps"));
    }
    return steps;
  }

  @Test
  void waitsBetweenCommonStepsContactsAndSwitchesArePerCustomer() {
    var f = JourneyDriverFeatures.of(journeys(300, 7), "nps", 0.9, 15);
    assertThat(f.customers()).isEqualTo(300);
    assertThat(f.drivers()).extracting(DriverVariable::name)
        .contains("wait Booked → Visit (days)", "contacts (call centre)", "channel switches")
        .noneMatch(n -> n.contains("Status Call"));
    KeyDriverResult r = KeyDrivers.analyse(f.outcome(), f.drivers());
    assertThat(r.drivers().get(0).name()).isEqualTo("wait Booked → Visit (days)");
    assertThat(r.drivers().get(0).sign()).isEqualTo(-1);
  }

  @Test
  void customersWithoutTheOutcomeAreLeftOutAndConstantFeaturesDropped() {
    List<JourneyStep> steps = new ArrayList<>(journeys(50, 3));
    steps.add(new JourneyStep(999, "Booked", "web", 0, null, null, null));
    var f = JourneyDriverFeatures.of(steps, "nps", 0.9, 15);
    assertThat(f.customers()).isEqualTo(50);
    assertThat(f.drivers()).allSatisfy(d -> assertThat(d.values()).hasSize(50));
    assertThat(JourneyDriverFeatures.of(steps, "csat", 0.9, 15).customers()).isZero();
  }
}
