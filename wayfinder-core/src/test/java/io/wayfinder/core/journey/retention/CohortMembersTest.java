package io.wayfinder.core.journey.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wayfinder.core.journey.dataset.EventFilter;
import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.dataset.JourneyDatasetBuilder;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CohortMembersTest {
  final JourneyDataset d = new JourneyDatasetBuilder()
      .add("a", "Signed Up", "web", Instant.parse("2024-01-01T00:00:00Z"), null)
      .add("a", "Order", "web", Instant.parse("2024-01-07T00:00:00Z"), null)      // exactly 6 days in
      .add("a", "Order", "web", Instant.parse("2024-01-20T00:00:00Z"), null)
      .add("b", "Signed Up", "app", Instant.parse("2024-01-01T00:00:00Z"), null)
      .add("b", "Order", "app", Instant.parse("2024-01-07T00:00:01Z"), null)      // one second past 6 days
      .add("c", "Signed Up", "web", Instant.parse("2024-01-01T00:00:00Z"), null)
      .trait("a", "plan", "gold").trait("b", "plan", "gold").trait("c", "plan", "basic")
      .build();

  @Test
  void didWithinAWindowCountsTheBoundaryEvent() {
    assertThat(members(new CohortDefinition("early", null, EventFilter.named("Order"), null, "6d", null, null, null, null)))
        .containsExactly(true, false, false);
  }

  @Test
  void timesAndSegmentCombine() {
    assertThat(members(new CohortDefinition("twice", null, EventFilter.named("Order"), 2, null, null, null, null, null)))
        .containsExactly(true, false, false);
    assertThat(members(new CohortDefinition("gold", null, null, null, null, null, null, "plan=gold", null)))
        .containsExactly(true, true, false);
    assertThat(members(new CohortDefinition("gold-app", null, new EventFilter("Order", "app", null), null, null, null, null, "plan=gold", null)))
        .containsExactly(false, true, false);
  }

  @Test
  void aCohortOnAnUnknownEventNamesTheField() {
    assertThatThrownBy(() -> members(new CohortDefinition("x", null, EventFilter.named("Nope"), null, null, null, null, null, null)))
        .hasMessageStartingWith("did.event: no event 'Nope'");
    assertThatThrownBy(() -> new CohortDefinition("Bad Id", null, EventFilter.named("Order"), null, null, null, null, null, null))
        .hasMessageStartingWith("id:");
    assertThatThrownBy(() -> new CohortDefinition("x", null, null, null, null, null, null, null, null)).hasMessageStartingWith("did:");
  }

  private boolean[] members(CohortDefinition c) {
    boolean[] in = CohortMembers.of(d, c, null);
    // case ids follow first appearance in these hand-built logs: a, b, c
    boolean[] byName = new boolean[3];
    for (int k = 0; k < in.length; k++) byName[d.index().caseName(k).charAt(0) - 'a'] = in[k];
    return byName;
  }
}
