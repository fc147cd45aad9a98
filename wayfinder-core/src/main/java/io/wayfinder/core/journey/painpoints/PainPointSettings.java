package io.wayfinder.core.journey.painpoints;

import java.time.Duration;
import java.util.Set;

/**
 * Thresholds of the pain-point detector.
 *
 * @param selfService channels where customers serve themselves
 * @param assisted channels where a person helps (a contact)
 * @param switchWindow how soon after a self-service step an assisted contact counts as a switch
 * @param minOccurrences fewer occurrences than this are noise
 * @param waitFactor a transition is an excess wait when its median is this many times the journey's typical transition
 */
public record PainPointSettings(
    Set<String> selfService, Set<String> assisted, Duration switchWindow, int minOccurrences, double waitFactor) {
  public static final PainPointSettings DEFAULT = new PainPointSettings(
      Set.of("web", "app"), Set.of("call_centre", "store"), Duration.ofHours(48), 20, 3.0);
}
