package io.wayfinder.core.journey.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wayfinder.core.journey.dataset.EventFilter;
import io.wayfinder.core.journey.dataset.Events;
import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.definition.JourneyDefinition;
import io.wayfinder.core.journey.definition.Stage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstanceFinderTest {
  private static final double DAY = 24 * 60;
  private static final JourneyDefinition ORDER = new JourneyDefinition("order", "Order", "E-commerce", List.of(
      new Stage("Recognize", List.of(EventFilter.named("Product"))),
      new Stage("Request", List.of(EventFilter.named("Checkout"), EventFilter.named("Order"))),
      new Stage("Respond", List.of(new EventFilter("Delivered", "partner", Map.of())))),
      "Checkout", "Order", "2d");
  private static final JourneyDefinition SUPPORT = new JourneyDefinition("support", null, null, List.of(
      new Stage("Request", List.of(EventFilter.named("Case Opened"))),
      new Stage("Respond", List.of(EventFilter.named("Case Resolved")))), "Case Opened", "Case Resolved", "7d");

  private static List<JourneyInstance> instances(JourneyDataset d, JourneyDefinition j, Instant asOf) {
    StageAssignment a = new StageAssignment(d, j);
    return new InstanceFinder(a).find(asOf).stream().map(t -> JourneyInstance.of(a, t)).toList();
  }

  @Test
  void anInstanceOpensAtTheEntryWithItsLeadInAndConvertsAtTheGoal() {
    JourneyDataset d = new Events()
        .at("ann", 0, "Product").at("ann", 5, "Newsletter").at("ann", 10, "Checkout", "app").at("ann", 12, "Order", "call_centre")
        .build();
    List<JourneyInstance> list = instances(d, ORDER, null);
    assertThat(list).singleElement().satisfies(i -> {
      assertThat(i.status()).isEqualTo(InstanceStatus.CONVERTED);
      assertThat(i.startedAt()).isEqualTo(Events.T0);
      assertThat(i.enteredAt()).isEqualTo(Events.T0.plusSeconds(600));
      assertThat(i.events()).isEqualTo(3);
      assertThat(i.durationSeconds()).isEqualTo(720);
      assertThat(i.currentStage()).isEqualTo("Request");
      assertThat(i.touchpoints()).containsExactly("Product", "Checkout", "Order");
      assertThat(i.channels()).containsExactly("web", "app", "call_centre");
    });
  }

  @Test
  void aQuietInstanceIsAbandonedAfterTheTimeoutAndTheNextEntryStartsAnother() {
    JourneyDataset d = new Events()
        .at("bob", 0, "Checkout").at("bob", 3 * DAY, "Checkout").at("bob", 3 * DAY + 1, "Order")
        .at("cat", 0, "Checkout").at("cat", DAY, "Delivered", "web")
        .at("dan", 10 * DAY, "Checkout")
        .build();
    List<JourneyInstance> list = instances(d, ORDER, null);
    assertThat(list).extracting(JourneyInstance::customer, JourneyInstance::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("bob", InstanceStatus.ABANDONED),
        org.assertj.core.groups.Tuple.tuple("bob", InstanceStatus.CONVERTED),
        // Delivered on the web is not the partner touchpoint: cat's instance has only its entry
        org.assertj.core.groups.Tuple.tuple("cat", InstanceStatus.ABANDONED),
        org.assertj.core.groups.Tuple.tuple("dan", InstanceStatus.IN_PROGRESS));
    assertThat(instances(d, ORDER, Events.T0.plusSeconds((long) (13 * DAY * 60))))
        .filteredOn(i -> i.customer().equals("dan")).singleElement()
        .extracting(JourneyInstance::status).isEqualTo(InstanceStatus.ABANDONED);
  }

  @Test
  void aCustomerMayBeOnSeveralJourneysAtOnceAndQueriesFilterThem() {
    JourneyDataset d = new Events()
        .at("eve", 0, "Checkout").at("eve", 1, "Case Opened", "call_centre").at("eve", 2, "Order")
        .at("eve", 3, "Delivered", "partner").at("eve", 60, "Case Resolved", "email")
        .build();
    assertThat(instances(d, ORDER, null)).singleElement().extracting(JourneyInstance::status).isEqualTo(InstanceStatus.CONVERTED);
    assertThat(instances(d, SUPPORT, null)).singleElement().satisfies(i -> {
      assertThat(i.status()).isEqualTo(InstanceStatus.CONVERTED);
      assertThat(i.events()).isEqualTo(2);
    });
    InstanceQuery converted = new InstanceQuery("Respond", InstanceStatus.CONVERTED, null, null, null);
    assertThat(instances(d, SUPPORT, null)).filteredOn(converted::accepts).hasSize(1);
    assertThat(instances(d, SUPPORT, null)).filteredOn(new InstanceQuery(null, null, Events.T0.plusSeconds(61), null, null)::accepts).isEmpty();
  }

  @Test
  void definitionsAreCheckedAndTheDefaultStageModelTakesStagesFromProperties() {
    assertThatThrownBy(() -> new JourneyDefinition("Bad Id", null, null, null, "A", "B", null)).hasMessageStartingWith("id:");
    assertThatThrownBy(() -> new JourneyDefinition("j", null, null, null, "A", "B", "soon")).hasMessageStartingWith("abandonAfter:");
    JourneyDefinition conv = new JourneyDefinition("move", null, null, null, "Move Requested", "Service Activated", "14d");
    assertThat(conv.stageNames()).containsExactly("Recognize", "Request", "Respond", "Repeat");
    JourneyDataset d = new Events()
        .at("fay", 0, "Move Requested", "web", Map.of("journey", "move", "stage", "Request"))
        .at("fay", 1, "Technician Visit", "partner", Map.of("journey", "move", "stage", "Respond"))
        .at("fay", 2, "Technician Visit", "partner", Map.of("journey", "other", "stage", "Respond"))
        .build();
    assertThat(instances(d, conv, null)).singleElement().satisfies(i -> {
      assertThat(i.events()).isEqualTo(2);
      assertThat(i.currentStage()).isEqualTo("Respond");
      assertThat(i.status()).isEqualTo(InstanceStatus.IN_PROGRESS);
    });
  }
}
