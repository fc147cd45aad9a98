package io.wayfinder.core.identity;

import java.util.List;

/**
 * What one message says about who sent it: the user id and anonymous id of the Segment spec,
 * the {@code previousId} of an alias, and further identifiers (e-mail from traits, external ids
 * from the context).
 */
public record IdentityClaims(String userId, String anonymousId, String previousId, List<Identity> others) {
  public IdentityClaims {
    others = others == null ? List.of() : List.copyOf(others);
    if (userId == null && anonymousId == null && previousId == null && others.isEmpty()) {
      throw new IllegalArgumentException("a message needs a userId or an anonymousId");
    }
  }

  public static IdentityClaims of(String userId, String anonymousId) {
    return new IdentityClaims(userId, anonymousId, null, List.of());
  }
}
