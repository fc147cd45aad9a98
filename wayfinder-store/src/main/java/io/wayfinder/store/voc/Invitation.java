package io.wayfinder.store.voc;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * A survey offered to a customer, with where in the journey the answer will belong. The token is
 * the credential of the hosted page and the widget.
 *
 * @param via {@code trigger}, {@code link} or {@code widget}
 * @param respondedAt null while unanswered
 */
public record Invitation(
    String token,
    String surveyId,
    String via,
    Long profileId,
    String userId,
    String anonymousId,
    String journey,
    String stage,
    String touchpoint,
    String channel,
    Long triggerEventId,
    Instant createdAt,
    Instant sendAt,
    Instant respondedAt) {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A fresh unguessable token (144 random bits, URL-safe). */
  public static String newToken() {
    byte[] b = new byte[18];
    RANDOM.nextBytes(b);
    return "inv_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** This invitation for the customer's profile {@code id}. */
  public Invitation withProfile(Long id) {
    return new Invitation(token, surveyId, via, id, userId, anonymousId, journey, stage, touchpoint, channel, triggerEventId,
        createdAt, sendAt, respondedAt);
  }

  public boolean answered() {
    return respondedAt != null;
  }
}
