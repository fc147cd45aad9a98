package io.wayfinder.store.journey;

import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The cases after a refresh: cases are profiles with events, in id order. A merge moves every
 * event of its merged profile to the surviving one, so the merged profile's case is gone and
 * its events join the survivor's case (a new case when the survivor had none); appended events
 * of a new profile make a new case.
 *
 * @param profiles per new case its profile id, ascending
 * @param caseOfOld per old case its new case; null when every old case kept its number
 * @param ownOld per new case the old case of the same profile, or -1
 * @param appendedCase per appended event its new case
 */
record CaseRenumbering(long[] profiles, int[] caseOfOld, int[] ownOld, int[] appendedCase) {

  static CaseRenumbering of(long[] old, long[] appendedProfiles, List<long[]> merges) {
    Long2LongOpenHashMap into = new Long2LongOpenHashMap();
    for (long[] m : merges) into.put(m[0], m[1]);
    int[] movedCase = merges.stream().mapToInt(m -> Arrays.binarySearch(old, m[0])).filter(c -> c >= 0).toArray();
    // profiles that hold events now but held none at the last load
    long[] fresh = LongStream.concat(Arrays.stream(appendedProfiles).map(p -> survivor(into, p)),
            Arrays.stream(movedCase).mapToLong(c -> survivor(into, old[c])))
        .filter(p -> Arrays.binarySearch(old, p) < 0).sorted().distinct().toArray();
    long[] profiles;
    int[] caseOfOld = null;
    int[] ownOld;
    if (movedCase.length == 0 && (fresh.length == 0 || old.length == 0 || fresh[0] > old[old.length - 1])) {
      // the common case: new customers have the newest profile ids, so old cases keep their numbers
      profiles = LongStream.concat(Arrays.stream(old), Arrays.stream(fresh)).toArray();
      ownOld = new int[profiles.length];
      for (int c = 0; c < ownOld.length; c++) ownOld[c] = c < old.length ? c : -1;
    } else {
      boolean[] moved = new boolean[old.length];
      for (int c : movedCase) moved[c] = true;
      profiles = new long[old.length - movedCase.length + fresh.length];
      ownOld = new int[profiles.length];
      Arrays.fill(ownOld, -1);
      caseOfOld = new int[old.length];
      // both are ascending: one merge pass, in which each kept old case learns its new number
      int i = 0;
      int j = 0;
      for (int k = 0; k < profiles.length; k++) {
        while (i < old.length && moved[i]) i++;
        if (j == fresh.length || (i < old.length && old[i] < fresh[j])) {
          caseOfOld[i] = k;
          ownOld[k] = i;
          profiles[k] = old[i++];
        } else {
          profiles[k] = fresh[j++];
        }
      }
      for (int c : movedCase) caseOfOld[c] = Arrays.binarySearch(profiles, survivor(into, old[c]));
    }
    int[] appendedCase = new int[appendedProfiles.length];
    for (int d = 0; d < appendedCase.length; d++) appendedCase[d] = Arrays.binarySearch(profiles, survivor(into, appendedProfiles[d]));
    return new CaseRenumbering(profiles, caseOfOld, ownOld, appendedCase);
  }

  /** The profile that holds profile {@code p}'s events after the merges (a merge's survivor may be merged later). */
  private static long survivor(Long2LongOpenHashMap into, long p) {
    long q = p;
    for (int hops = 0; into.containsKey(q) && hops <= into.size(); hops++) q = into.get(q);
    return q;
  }

  /** The new case of profile {@code p}, or -1 when it has no events. */
  int caseOf(long p) {
    int c = Arrays.binarySearch(profiles, p);
    return c < 0 ? -1 : c;
  }
}
