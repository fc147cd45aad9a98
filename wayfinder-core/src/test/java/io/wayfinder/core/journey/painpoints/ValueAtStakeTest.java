package io.wayfinder.core.journey.painpoints;

import static org.assertj.core.api.Assertions.assertThat;

import io.wayfinder.core.journey.dataset.EventFilter;
import io.wayfinder.core.journey.dataset.Events;
import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.definition.JourneyDefinition;
import io.wayfinder.core.journey.definition.Stage;
import io.wayfinder.core.journey.instance.InstanceFilter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Overlapping pain points: the total counts each customer once, weighted by the worst severity touching them. */
class ValueAtStakeTest {
  private static final JourneyDefinition J = new JourneyDefinition("order", "Order", null, List.of(
      new Stage("Request", List.of(EventFilter.named("Checkout"), EventFilter.named("Pay"), EventFilter.named("Fail"),
          EventFilter.named("Call"), EventFilter.named("Paid")))), "Checkout", "Paid", "2d");
  private static final PainPointSettings ANY = new PainPointSettings(Set.of("web"), Set.of("call_centre"), Duration.ofHours(48), 1, 3.0);

  @Test
  void eachCustomerCountsOnceAcrossPainPointsAndThePeriodPicksInstances() {
    Events e = new Events();
    // ten customers pay again after a failure (rework) and then phone (channel switch): both pain points, same customers
    for (int c = 0; c < 10; c++) {
      String who = "c" + c;
      e.sequence(who, 0, "Checkout", "Pay", "Fail", "Pay").at(who, 4, "Call", "call_centre").at(who, 5, "Paid", "call_centre")
          .at(who, 6, "Order Completed", "web", Map.of("revenue", 100));
    }
    // ten customers pay at once, a week later
    for (int c = 0; c < 10; c++) {
      e.sequence("d" + c, 10_080, "Checkout", "Pay", "Paid").at("d" + c, 10_083, "Order Completed", "web", Map.of("revenue", 50));
    }
    JourneyDataset d = e.build();
    PainPointReport r = new PainPointDetector(d, List.of(J), ANY).detect(null, null, InstanceFilter.ALL);
    assertThat(r.painPoints()).extracting(PainPoint::kind).containsExactlyInAnyOrder(PainPointKind.REWORK, PainPointKind.CHANNEL_SWITCH);
    assertThat(r.painPoints()).allMatch(p -> p.affectedCustomers() == 10);
    double worst = r.painPoints().stream().mapToDouble(PainPoint::severity).max().orElseThrow();
    double sum = r.painPoints().stream().mapToDouble(PainPoint::valueAtStake).sum();
    // the ten c customers, 100 each, once, at the worst severity
    assertThat(r.total().customers()).isEqualTo(10);
    assertThat(r.total().customerValue()).isEqualTo(1000.0);
    assertThat(r.total().valueAtStake()).isEqualTo(Math.round(1000 * worst * 100) / 100.0).isLessThan(sum);
    // a period after the c customers' instances started leaves nobody at stake
    PainPointReport later = new PainPointDetector(d, List.of(J), ANY)
        .detect(null, null, new InstanceFilter(Events.T0.plus(Duration.ofDays(1)), null, null, null));
    assertThat(later.total().customers()).isZero();
    assertThat(later.total().valueAtStake()).isZero();
  }
}
