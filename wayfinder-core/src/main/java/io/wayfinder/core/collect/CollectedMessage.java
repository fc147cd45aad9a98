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
 */
public record CollectedMessage(
    Event event, IdentityClaims claims, Map<String, Object> traits, Map<String, Boolean> consent) {
  public CollectedMessage {
    traits = traits == null ? Map.of() : traits;
    consent = consent == null ? Map.of() : consent;
  }
}
