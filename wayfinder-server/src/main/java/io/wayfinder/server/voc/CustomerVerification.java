package io.wayfinder.server.voc;

import io.wayfinder.core.collect.Source;
import io.wayfinder.core.widget.CustomerToken;
import io.wayfinder.core.widget.CustomerToken.Verdict;
import io.wayfinder.server.problem.ApiException;
import io.wayfinder.store.sources.SourceStore;
import java.time.Instant;

/**
 * Which customer a public call with a write key speaks for. The write key is public, so it alone
 * cannot say who is on the page: without a customer token signed by the site's backend, anyone
 * could read another customer's invitations or in-app messages, or mint invitations for any id.
 * Used by the survey widget and by {@code GET /v1/messages}; refused before anything is read or written.
 */
public final class CustomerVerification {
  private CustomerVerification() {}

  /** Throws a 401/403 problem unless {@code token} is a valid customer token for {@code customer} from {@code source}. */
  public static void require(SourceStore sources, Source source, String customer, String token) {
    if (token == null || token.isBlank()) {
      throw ApiException.unauthorized("customerToken: required; the site's backend signs it for the signed-in customer "
          + "with the source's signing secret (see docs/voc.md, 'Identity verification')");
    }
    String secret = sources.signingSecret(source.id()).orElse(null);
    if (secret == null) {
      throw new ApiException(403, "customerToken: source '" + source.name() + "' has no signing secret yet; create one with "
          + "POST /api/sources/{source}/signing-secret or wayfinder sources secret");
    }
    Verdict v = CustomerToken.verify(secret, customer, token, Instant.now());
    if (v != Verdict.VALID) throw new ApiException(403, "customerToken: " + v.reason());
  }
}
