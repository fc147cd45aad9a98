package io.wayfinder.store.collect;

/**
 * Text that can be stored. A JSON escape can spell half of a UTF-16 surrogate pair
 * ({@code "\ud800"}); such a string has no UTF-8 form, and the store would keep a '?' in its place.
 */
final class Unicode {
  private Unicode() {}

  /** Why {@code s} cannot be stored, or null if it can. One pass over the chars, no copy. */
  static String problem(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (!Character.isSurrogate(c)) continue;
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
        continue;
      }
      return String.format("is not valid Unicode: unpaired surrogate U+%04X at character %d", (int) c, i);
    }
    return null;
  }
}
