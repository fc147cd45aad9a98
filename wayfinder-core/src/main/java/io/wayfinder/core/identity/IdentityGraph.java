package io.wayfinder.core.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the identifiers on incoming messages to one customer profile each.
 *
 * <p>Rules: an identifier belongs to exactly one profile. A message whose identifiers point at
 * several profiles folds the anonymous ones (profiles without a user id) into the one that is
 * known. Two profiles with <em>different</em> known user ids are never merged: the merge is
 * refused and reported, and the message goes to the profile of its own user id. Merged
 * profiles keep their number and redirect to the surviving one, so a merge can be audited and
 * undone from the recorded history.
 *
 * <p>Not thread-safe: one writer resolves messages in order.
 */
public final class IdentityGraph {
  private final Map<String, Long> owners = new HashMap<>();
  private final Map<Long, String> userIdOf = new HashMap<>();
  private final Map<Long, Long> mergedInto = new HashMap<>();
  private long lastProfileId;

  /** Restores one identity link read from storage. */
  public void restoreLink(Identity identity, long profileId) {
    owners.put(identity.key(), profileId);
    if (identity.kind().equals(Identity.USER_ID)) userIdOf.putIfAbsent(profileId, identity.value());
    lastProfileId = Math.max(lastProfileId, profileId);
  }

  /** Restores one recorded merge read from storage. */
  public void restoreMerge(long fromProfile, long intoProfile) {
    mergedInto.put(fromProfile, intoProfile);
    lastProfileId = Math.max(lastProfileId, Math.max(fromProfile, intoProfile));
  }

  /** Reserves {@code n} new profile numbers for profiles created outside {@link #resolve}; returns the first. */
  public long reserveProfiles(long n) {
    long first = lastProfileId + 1;
    lastProfileId += n;
    return first;
  }

  /** Makes sure new profiles get numbers above {@code profileId}. */
  public void reserveUpTo(long profileId) {
    lastProfileId = Math.max(lastProfileId, profileId);
  }

  /** The canonical profile an identity belongs to, or 0 when it is unknown. */
  public long profileOf(Identity identity) {
    Long p = owners.get(identity.key());
    return p == null ? 0 : canonical(p);
  }

  /** The profile a (possibly merged) profile number now lives in. */
  public long canonical(long profileId) {
    long p = profileId;
    for (Long next = mergedInto.get(p); next != null; next = mergedInto.get(p)) p = next;
    return p;
  }

  /** The known user id of a canonical profile, or null for an anonymous profile. */
  public String userIdOf(long profileId) {
    return userIdOf.get(canonical(profileId));
  }

  /** Resolves one message and applies the result to the graph. */
  public Resolution resolve(IdentityClaims claims) {
    List<Identity> claimed = claimedIdentities(claims);
    Set<Long> involved = new LinkedHashSet<>();
    boolean allKnown = true;
    for (Identity id : claimed) {
      long p = profileOf(id);
      if (p != 0) involved.add(p);
      else allKnown = false;
    }
    // The common case on a busy collection API: every identifier is known and points at one profile.
    if (allKnown && involved.size() == 1) {
      return new Resolution(involved.iterator().next(), false, List.of(), List.of(), List.of());
    }
    long userProfile = claims.userId() == null ? 0 : profileOf(Identity.userId(claims.userId()));
    long target = chooseTarget(claims, involved, userProfile);
    boolean created = target == 0;
    if (created) target = ++lastProfileId;
    if (claims.userId() != null && !userIdOf.containsKey(target)) userIdOf.put(target, claims.userId());

    List<Resolution.Merge> merges = new ArrayList<>();
    List<Resolution.Merge> refused = new ArrayList<>();
    List<Identity> linked = new ArrayList<>();
    String targetUser = userIdOf.get(target);
    for (Identity id : claimed) {
      long owner = profileOf(id);
      if (owner == 0) {
        owners.put(id.key(), target);
        linked.add(id);
      } else if (owner != target) {
        String ownerUser = userIdOf.get(owner);
        if (ownerUser != null && targetUser != null && !ownerUser.equals(targetUser)) {
          refused.add(new Resolution.Merge(owner, target, id,
              "profiles carry different user ids (" + ownerUser + ", " + targetUser + ")"));
        } else {
          mergedInto.put(owner, target);
          if (ownerUser != null) userIdOf.putIfAbsent(target, ownerUser);
          merges.add(new Resolution.Merge(owner, target, id, "shared " + id.kind()));
        }
      }
    }
    return new Resolution(target, created, List.copyOf(linked), List.copyOf(merges), List.copyOf(refused));
  }

  private long chooseTarget(IdentityClaims claims, Set<Long> involved, long userProfile) {
    if (userProfile != 0) return userProfile;
    if (claims.userId() != null) {
      // A new user id adopts an anonymous profile it shares an identifier with.
      for (long p : involved) if (!userIdOf.containsKey(p)) return p;
      return 0;
    }
    long anonymousOwner = claims.anonymousId() == null ? 0 : profileOf(Identity.anonymousId(claims.anonymousId()));
    for (long p : involved) if (userIdOf.containsKey(p) && (anonymousOwner == 0 || !userIdOf.containsKey(anonymousOwner))) return p;
    if (anonymousOwner != 0) return anonymousOwner;
    return involved.isEmpty() ? 0 : involved.iterator().next();
  }

  private List<Identity> claimedIdentities(IdentityClaims c) {
    List<Identity> ids = new ArrayList<>(4 + c.others().size());
    if (c.userId() != null) ids.add(Identity.userId(c.userId()));
    if (c.anonymousId() != null) ids.add(Identity.anonymousId(c.anonymousId()));
    if (c.previousId() != null) ids.add(previousIdentity(c.previousId()));
    ids.addAll(c.others());
    return ids;
  }

  private Identity previousIdentity(String previousId) {
    // The previous id of an alias is a former user id when we know it as one, else (the usual
    // case) the anonymous id the customer had before signing up.
    Identity asUser = Identity.userId(previousId);
    return owners.containsKey(asUser.key()) ? asUser : Identity.anonymousId(previousId);
  }
}
