package io.wayfinder.core.collect;

import io.wayfinder.core.event.Event;
import io.wayfinder.core.identity.IdentityClaims;
import java.util.Map;

/**
 * A validated incoming message (from the collection API or a bulk file), ready to be resolved to
 * a profile and stored.
 *
 * @param event the event to append; its id and profile are assigned by the store
 * @param claims the identifiers the message carries
 * @param traits traits set by an identify (or group) call; empty otherwise
 * @param consent consent categories granted (true) or withdrawn (false) by this message
 * @param propertiesJson the event's properties as JSON text when the collector already has it
 *     (saves serialising them again on the write path), else null
 * @param contextJson the same for the context
 */
public record CollectedMessage(
    Event event, IdentityClaims claims, Map<String, Object> traits, Map<String, Boolean> consent,
    String propertiesJson, String contextJson) {
  public CollectedMessage {
    traits = traits == null ? Map.of() : traits;
    consent = consent == null ? Map.of() : consent;
  }

  public CollectedMessage(Event event, IdentityClaims claims, Map<String, Object> traits, Map<String, Boolean> consent) {
    this(event, claims, traits, consent, null, null);
  }
}
