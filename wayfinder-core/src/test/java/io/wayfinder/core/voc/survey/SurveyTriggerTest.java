package io.wayfinder.core.voc.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SurveyTriggerTest {
  static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

  @Test
  void matchesOnEveryGivenConditionOnly() {
    SurveyTrigger t = new SurveyTrigger("Order Delivered", null, "Respond", null, null, 100, null, null);
    assertThat(t.matches("Order Delivered", "online_order", "Respond", "delivery")).isTrue();
    assertThat(t.matches("Order Delivered", "online_order", "Request", "delivery")).isFalse();
    assertThat(t.matches("Order Shipped", "online_order", "Respond", "delivery")).isFalse();
    assertThatThrownBy(() -> new SurveyTrigger(" ", null, null, null, null, 100, null, null)).hasMessageContaining("at least one");
  }

  @Test
  void samplesTheGivenShareDeterministically() {
    SurveyTrigger t = new SurveyTrigger("X", null, null, null, null, 20, null, null);
    long hits = LongStream.range(0, 20_000).filter(id -> t.sampled("s", id)).count();
    assertThat(hits).isBetween(3_700L, 4_300L);
    assertThat(t.sampled("s", 17)).isEqualTo(t.sampled("s", 17));
  }

  @Test
  void delaysAndRespectsTheQuietPeriodAndEventAge() {
    SurveyTrigger t = new SurveyTrigger("X", null, null, null, Duration.ofHours(2), 100, Duration.ofDays(30), Duration.ofDays(7));
    Instant event = NOW.minusSeconds(60);
    assertThat(t.invitationTime(event, NOW, null)).contains(event.plus(Duration.ofHours(2)));
    assertThat(t.invitationTime(event, NOW, NOW.minus(Duration.ofDays(29)))).isEmpty();
    assertThat(t.invitationTime(event, NOW, NOW.minus(Duration.ofDays(31)))).isPresent();
    assertThat(t.invitationTime(NOW.minus(Duration.ofDays(8)), NOW, null)).isEmpty();
  }
}
