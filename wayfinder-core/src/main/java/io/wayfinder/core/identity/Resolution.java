package io.wayfinder.core.identity;

import java.util.List;

/**
 * The outcome of resolving one message's identity claims: the profile the message belongs to
 * and what changed in the identity graph, so a store can persist exactly that.
 *
 * @param profileId the canonical profile of the message
 * @param newProfile true when this message created the profile
 * @param linked identities newly attached to {@code profileId}
 * @param merges anonymous profiles folded into {@code profileId}
 * @param refused merges that were not made because both sides carry different known user ids
 */
public record Resolution(
    long profileId, boolean newProfile, List<Identity> linked, List<Merge> merges, List<Merge> refused) {

  /** A merge of one profile into another, with the reason it was (or would have been) made. */
  public record Merge(long fromProfile, long intoProfile, Identity via, String reason) {}
}
