package io.wayfinder.core.generate;

import java.util.List;

/** The journeys the synthetic data generator plays, described as plain data. */
public record JourneyCatalog(List<JourneyDefinition> journeys) {
  public JourneyCatalog {
    journeys = List.copyOf(journeys);
  }

  /** The catalog of the journeys {@link SyntheticDataGenerator} generates. */
  public static JourneyCatalog generated() {
    return new JourneyCatalog(List.of(
        OnlineOrderJourney.DEFINITION,
        HomeLoanJourney.DEFINITION,
        BroadbandMoveJourney.DEFINITION,
        SupportCaseJourney.DEFINITION));
  }

  /** The journey with this name; throws when there is none. */
  public JourneyDefinition journey(String name) {
    return journeys.stream().filter(j -> j.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no journey named " + name));
  }
}
