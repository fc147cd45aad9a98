package io.wayfinder.core.journey.definition;

import io.wayfinder.core.generate.JourneyCatalog;
import io.wayfinder.core.generate.JourneyStage;
import io.wayfinder.core.journey.dataset.EventFilter;
import java.util.List;

/** Journey definitions for the journeys of the synthetic data generator's catalog. */
public final class CatalogDefinitions {
  private CatalogDefinitions() {}

  /** One definition per catalog journey; each stage's touchpoints are its event names. */
  public static List<JourneyDefinition> of(JourneyCatalog catalog) {
    return catalog.journeys().stream().map(CatalogDefinitions::of).toList();
  }

  static JourneyDefinition of(io.wayfinder.core.generate.JourneyDefinition j) {
    List<Stage> stages = j.stages().stream().map(CatalogDefinitions::stage).toList();
    return new JourneyDefinition(j.name(), j.title(), j.owner(), stages, j.entryEvent(), j.goalEvent(),
        j.abandonAfterDays() + "d");
  }

  private static Stage stage(JourneyStage s) {
    return new Stage(s.name(), s.events().stream().map(EventFilter::named).toList());
  }
}
