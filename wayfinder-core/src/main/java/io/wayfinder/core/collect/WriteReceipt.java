package io.wayfinder.core.collect;

/**
 * What a committed write did: events appended, duplicates skipped (same messageId seen before),
 * and the profiles created.
 */
public record WriteReceipt(int written, int duplicates, int newProfiles) {
  public static final WriteReceipt NONE = new WriteReceipt(0, 0, 0);
}
