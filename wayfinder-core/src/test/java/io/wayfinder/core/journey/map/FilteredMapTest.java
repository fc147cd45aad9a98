package io.wayfinder.core.journey.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wayfinder.core.journey.dataset.EventFilter;
import io.wayfinder.core.journey.dataset.Events;
import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.definition.JourneyDefinition;
import io.wayfinder.core.journey.definition.Stage;
import io.wayfinder.core.journey.instance.InstanceFilter;
import io.wayfinder.core.journey.instance.InstanceFinder;
import io.wayfinder.core.journey.instance.StageAssignment;
import io.wayfinder.core.journey.paths.PathEngine;
import io.wayfinder.core.journey.paths.PathQuery;
import io.wayfinder.core.journey.paths.PathReport;
import io.wayfinder.core.journey.instance.InstanceTrace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A filter picks whole instances; a step's customers are its distinct customers; journey paths count the map's transitions. */
class FilteredMapTest {
  private static final JourneyDefinition J = new JourneyDefinition("order", "Order", null, List.of(
      new Stage("Request", List.of(EventFilter.named("Checkout"), EventFilter.named("Fail"), EventFilter.named("Call"),
          EventFilter.named("Paid")))), "Checkout", "Paid", "2d");

  // a fails twice and phones the next day (3 days later: a second instance); b pays at once on the app
  private final JourneyDataset data = new Events()
      .at("a", 0, "Checkout", "web").at("a", 1, "Fail", "web").at("a", 2, "Fail", "web").at("a", 1440, "Call", "call_centre")
      .at("a", 1441, "Paid", "call_centre")
      .at("a", 5760, "Checkout", "web").at("a", 5761, "Fail", "web")
      .at("b", 0, "Checkout", "app").at("b", 1, "Paid", "app")
      .trait("a", "plan", "basic").trait("b", "plan", "premium")
      .build();

  private JourneyMap map(InstanceFilter f) {
    return new JourneyMapBuilder(new StageAssignment(data, J)).build(null, f);
  }

  private List<InstanceTrace> instances(InstanceFilter f) {
    return f.apply(data, new InstanceFinder(new StageAssignment(data, J)).find(null));
  }

  @Test
  void aChannelFilterKeepsWholeInstancesThatTouchedTheChannel() {
    assertThat(map(InstanceFilter.ALL).instances()).isEqualTo(3);
    JourneyMap calls = map(new InstanceFilter(null, null, "call_centre", null));
    assertThat(calls.instances()).isEqualTo(1);
    // the web events of that instance stay on the map
    assertThat(calls.links()).contains(new JourneyMap.Link("Fail", "Call", 1, 1438 * 60.0));
    assertThat(map(new InstanceFilter(null, null, "telepathy", null)).instances()).isZero();
  }

  @Test
  void aSegmentAndAPeriodPickInstancesByCustomerAndStart() {
    assertThat(map(new InstanceFilter(null, null, null, "plan=premium")).instances()).isEqualTo(1);
    assertThat(map(new InstanceFilter(null, null, null, "plan=none")).instances()).isZero();
    assertThat(map(new InstanceFilter(Events.T0.plusSeconds(60), null, null, null)).instances()).isEqualTo(1);
    assertThat(map(new InstanceFilter(null, Events.T0.plusSeconds(60), null, null)).instances()).isEqualTo(2);
    assertThatThrownBy(() -> new InstanceFilter(null, null, null, "plan")).hasMessageStartingWith("segment:");
  }

  @Test
  void aStepListsEachCustomerOnceAsManyAsTheMapShows() {
    StepCustomers fail = StepCustomers.of(data, instances(InstanceFilter.ALL), "Fail", 10);
    JourneyMap.Node node = map(InstanceFilter.ALL).nodes().stream().filter(n -> n.event().equals("Fail")).findFirst().orElseThrow();
    assertThat(fail.total()).isEqualTo(node.customers()).isEqualTo(1);
    assertThat(fail.customers()).containsExactly(new StepCustomers.Row("a", 2, 3, Events.T0.plusSeconds(5761 * 60)));
    assertThat(StepCustomers.of(data, instances(InstanceFilter.ALL), "Checkout", 1).customers()).hasSize(1);
    assertThat(StepCustomers.of(data, instances(InstanceFilter.ALL), "Checkout", 1).total()).isEqualTo(2);
  }

  @Test
  void journeyPathsFromEveryAnchorCountTheMapsTransitionsAndCrossDays() {
    JourneyMap m = map(InstanceFilter.ALL);
    PathQuery every = new PathQuery("Fail", null, null, "after", 1, null, 50, null, null, null, "order", "every");
    PathReport p = new PathEngine(data).run(every, instances(InstanceFilter.ALL).stream().map(InstanceTrace::events).toList());
    assertThat(p.paths()).isEqualTo(3);
    for (JourneyMap.Link l : m.links()) {
      if (l.from().equals("Fail")) assertThat(p.links()).contains(new PathReport.Link(0, "Fail", l.to(), l.count()));
    }
    assertThat(p.links()).contains(new PathReport.Link(0, "Fail", PathReport.END, 1));
    // a 30-minute session loses the next day's call
    PathReport sessions = new PathEngine(data).run(new PathQuery("Fail", null, null, "after", 1, "30m", 50, null, null, null));
    assertThat(sessions.links()).noneMatch(l -> l.to().equals("Call"));
  }
}
