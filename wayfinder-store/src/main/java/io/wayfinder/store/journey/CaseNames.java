package io.wayfinder.store.journey;

import java.util.Arrays;

/**
 * The cases (customers) of the loaded events: their profiles in id order, taken from the scanned
 * rows themselves (so a merge committed while loading cannot leave an event without a case),
 * each named by its user id when it has one.
 */
final class CaseNames {
  final long[] profiles;
  final String[] names;

  private CaseNames(long[] profiles, CustomerNames customers) {
    this.profiles = profiles;
    this.names = new String[profiles.length];
    for (int c = 0; c < profiles.length; c++) names[c] = customers.nameOf(profiles[c]);
  }

  /**
   * The cases of compact profile offsets ({@code profile_id - minProfile} per event, as the
   * compact scan reads them), which are turned into case codes in place.
   */
  static CaseNames ofOffsets(int[] caseOf, EventRows rows, CustomerNames customers) {
    int[] code = new int[(int) (rows.maxProfile() - rows.minProfile() + 1)];
    for (int o : caseOf) {
      if (o < 0 || o >= code.length) throw new LoadRaced("a profile id outside the range read first (a merge while loading)");
      code[o] = 1;
    }
    int cases = 0;
    for (int o = 0; o < code.length; o++) code[o] = code[o] != 0 ? cases++ : -1;
    long[] profiles = new long[cases];
    for (int o = 0; o < code.length; o++) if (code[o] >= 0) profiles[code[o]] = rows.minProfile() + o;
    for (int i = 0; i < caseOf.length; i++) caseOf[i] = code[caseOf[i]];
    return new CaseNames(profiles, customers);
  }

  /** The cases of these profile ids per event; their case codes are written to {@code caseOf}. */
  static CaseNames ofIds(long[] profileOf, int[] caseOf, CustomerNames customers) {
    long[] profiles = Arrays.stream(profileOf).sorted().distinct().toArray();
    for (int i = 0; i < caseOf.length; i++) caseOf[i] = Arrays.binarySearch(profiles, profileOf[i]);
    return new CaseNames(profiles, customers);
  }
}
