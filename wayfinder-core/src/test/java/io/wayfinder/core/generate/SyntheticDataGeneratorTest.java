package io.wayfinder.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wayfinder.core.event.Channels;
import io.wayfinder.core.event.Event;
import io.wayfinder.core.event.EventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyntheticDataGeneratorTest {
  private static final GeneratorConfig CONFIG = new GeneratorConfig(300, 11);
  private static List<Event> events;
  private static GenerationSummary summary;

  @BeforeAll
  static void generate() {
    events = new ArrayList<>();
    summary = new SyntheticDataGenerator(CONFIG).generate(events::add);
  }

  @Test
  void sameSeedGivesTheSameEvents() {
    List<Event> again = new ArrayList<>();
    new SyntheticDataGenerator(CONFIG).generate(again::add);
    assertThat(again).isEqualTo(events);
  }

  @Test
  void differentSeedsGiveDifferentEvents() {
    List<Event> other = new ArrayList<>();
    new SyntheticDataGenerator(new GeneratorConfig(300, 12)).generate(other::add);
    assertThat(other.get(0).messageId()).isNotEqualTo(events.get(0).messageId());
    assertThat(other.stream().map(Event::timestamp).toList())
        .isNotEqualTo(events.stream().map(Event::timestamp).toList());
  }

  @Test
  void oneCustomerCanBeRegeneratedAlone() {
    SyntheticDataGenerator g = new SyntheticDataGenerator(CONFIG);
    GeneratedCustomer c = g.customer(17);
    assertThat(events).containsSubsequence(c.events());
    assertThat(g.customer(17)).isEqualTo(c);
  }

  @Test
  void aboutFiftyToOneHundredEventsPerCustomerAndAFewPerVisitor() {
    SyntheticDataGenerator g = new SyntheticDataGenerator(CONFIG);
    long own = 0;
    long visitorEvents = 0;
    Set<String> visitors = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      GeneratedCustomer c = g.customer(i);
      own += c.events().size();
      visitorEvents += c.visitors().size();
      c.visitors().forEach(e -> visitors.add(e.anonymousId()));
    }
    assertThat(own).isBetween(50L * 300, 100L * 300);
    assertThat(visitorEvents).isBetween(visitors.size() * 1L, visitors.size() * 5L);
    assertThat(summary.events()).isEqualTo(events.size()).isEqualTo(own + visitorEvents);
    assertThat(summary.customers()).isEqualTo(300);
  }

  @Test
  void everyEventHasAValidTypeTimestampAndChannel() {
    Instant start = CONFIG.start();
    Instant end = CONFIG.end();
    Set<String> messageIds = new HashSet<>();
    for (Event e : events) {
      assertThat(e.type()).isNotNull();
      assertThat(e.timestamp()).isAfterOrEqualTo(start).isBefore(end);
      assertThat(Channels.ALL).contains(e.channel());
      assertThat(e.context()).containsEntry("channel", e.channel());
      assertThat(e.id()).isZero();
      assertThat(e.profileId()).isZero();
      assertThat(e.userId() != null || e.anonymousId() != null).isTrue();
      assertThat(messageIds.add(e.messageId())).as("unique messageId %s", e.messageId()).isTrue();
    }
  }

  @Test
  void journeyEventsCarryJourneyStageAndTouchpointOfTheCatalog() {
    JourneyCatalog catalog = JourneyCatalog.generated();
    for (Event e : events) {
      if (e.type() == EventType.IDENTIFY || e.type() == EventType.ALIAS) continue;
      Map<String, Object> p = e.properties();
      assertThat(p).containsKeys("journey", "stage", "touchpoint");
      assertThat(e.touchpoint()).isEqualTo(p.get("touchpoint"));
      JourneyDefinition journey = catalog.journey((String) p.get("journey"));
      assertThat(journey.stages()).extracting(JourneyStage::name).contains((String) p.get("stage"));
      if (!e.name().equals("Survey Response")) {
        assertThat(journey.stageOf(e.name())).as(e.name()).isEqualTo(p.get("stage"));
      }
    }
  }

  @Test
  void purchasesHaveRevenueAndAnOrderId() {
    List<Event> orders = named("Order Completed");
    assertThat(orders).isNotEmpty().hasSize((int) summary.purchases());
    for (Event o : orders) {
      assertThat(((Number) o.properties().get("revenue")).doubleValue()).isPositive();
      assertThat(o.properties().get("orderId")).asString().startsWith("ord-");
      assertThat(o.userId()).isNotNull();
    }
    assertThat(orders.stream().map(o -> o.properties().get("orderId")).distinct()).hasSize(orders.size());
  }

  @Test
  void surveyAnswersHaveScoresOnTheirScale() {
    for (Event s : named("Survey Response")) {
      Map<String, Object> p = s.properties();
      int score = (Integer) p.get("score");
      int max = switch ((String) p.get("question_type")) {
        case "nps" -> 10;
        case "csat" -> 5;
        case "ces" -> 7;
        default -> throw new AssertionError(p);
      };
      assertThat(score).isBetween(p.get("question_type").equals("nps") ? 0 : 1, max);
      assertThat(p).containsKey("survey");
    }
  }

  @Test
  void anonymousEventsOfADevicePrecedeTheCallThatLinksItToTheUser() {
    Map<String, Instant> linkedAt = new HashMap<>();
    Map<String, String> userOfDevice = new HashMap<>();
    for (Event e : events) {
      if (e.type() == EventType.IDENTIFY && e.anonymousId() != null) {
        linkedAt.putIfAbsent(e.anonymousId(), e.timestamp());
        userOfDevice.put(e.anonymousId(), e.userId());
      }
      if (e.type() == EventType.ALIAS) {
        String previous = (String) e.properties().get("previousId");
        linkedAt.putIfAbsent(previous, e.timestamp());
        userOfDevice.put(previous, e.userId());
      }
    }
    int anonymousOnly = 0;
    for (Event e : events) {
      if (e.anonymousId() == null || e.type() == EventType.IDENTIFY) continue;
      Instant linked = linkedAt.get(e.anonymousId());
      if (e.userId() == null) {
        anonymousOnly++;
        if (linked != null) assertThat(e.timestamp()).isBefore(linked);
      } else {
        assertThat(linked).as("device %s used with a user id before being linked", e.anonymousId()).isNotNull();
        assertThat(e.timestamp()).isAfterOrEqualTo(linked);
        assertThat(e.userId()).isEqualTo(userOfDevice.get(e.anonymousId()));
      }
    }
    assertThat(anonymousOnly).isGreaterThan(300);
  }

  @Test
  void someCustomersUseASecondDeviceAndAFewAreLinkedByAlias() {
    Map<String, Set<String>> devices = new HashMap<>();
    for (Event e : events) {
      if (e.userId() != null && e.anonymousId() != null) {
        devices.computeIfAbsent(e.userId(), k -> new HashSet<>()).add(e.anonymousId());
      }
    }
    long twoDevices = devices.values().stream().filter(s -> s.size() == 2).count();
    assertThat(twoDevices).isBetween(30L, 120L);
    assertThat(events.stream().filter(e -> e.type() == EventType.ALIAS).count()).isBetween(1L, 30L);
  }

  @Test
  void firstIdentifyCarriesTraitsWithConsent() {
    Event identify = events.stream().filter(e -> e.type() == EventType.IDENTIFY).findFirst().orElseThrow();
    assertThat(identify.properties()).containsKeys("email", "name", "plan", "consent");
    assertThat(identify.properties().get("consent")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsKey("email");
  }

  @Test
  void rejectsASizeBelowOneCustomer() {
    assertThatThrownBy(() -> new GeneratorConfig(0, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Event> named(String name) {
    return events.stream().filter(e -> name.equals(e.name())).toList();
  }
}
