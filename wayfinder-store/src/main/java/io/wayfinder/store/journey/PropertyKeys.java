package io.wayfinder.store.journey;

import io.wayfinder.core.journey.definition.JourneyDefinition;
import io.wayfinder.core.journey.definition.Stage;
import io.wayfinder.core.journey.funnel.Exclusion;
import io.wayfinder.core.journey.funnel.Funnel;
import io.wayfinder.core.journey.funnel.FunnelStep;
import java.util.HashSet;
import java.util.Set;

/** The event properties an analysis needs loaded as columns. */
final class PropertyKeys {
  private PropertyKeys() {}

  static Set<String> of(JourneyDefinition j) {
    Set<String> keys = new HashSet<>();
    for (Stage s : j.stages()) {
      if (s.touchpoints().isEmpty()) keys.addAll(Set.of("journey", "stage"));
      s.touchpoints().forEach(t -> keys.addAll(t.properties().keySet()));
    }
    return keys;
  }

  static Set<String> of(Funnel f) {
    Set<String> keys = new HashSet<>();
    for (FunnelStep s : f.steps()) keys.addAll(s.properties().keySet());
    for (Exclusion e : f.exclusions()) keys.addAll(e.properties().keySet());
    if (f.breakdown() != null && "property".equals(f.breakdown().by())) keys.add(f.breakdown().key());
    return keys;
  }
}
