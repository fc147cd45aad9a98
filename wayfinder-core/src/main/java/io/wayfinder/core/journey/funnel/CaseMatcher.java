package io.wayfinder.core.journey.funnel;

import java.util.Arrays;

/**
 * Matches a funnel against one customer's events, given per event the bit set of steps and of
 * exclusions it matches. Finds the best attempt (see {@link Funnel} for the semantics): the
 * highest level reached, and which event filled each step.
 */
final class CaseMatcher {
  private final FunnelOrder order;
  private final boolean[] optional;
  private final long[] within;
  private final long window;
  private final int[] exclAfter;
  private final int[] exclBefore;
  private final int steps;
  final int[] best;
  private final int[] attempt;
  int bestLevel;
  boolean excluded;

  CaseMatcher(Funnel f) {
    order = f.order();
    steps = f.steps().size();
    optional = new boolean[steps];
    within = new long[steps];
    for (int s = 0; s < steps; s++) {
      optional[s] = f.steps().get(s).optional();
      within[s] = f.steps().get(s).withinMicros();
    }
    window = f.windowMicros();
    exclAfter = f.exclusions().stream().mapToInt(e -> e.afterStep() == null ? 0 : e.afterStep() - 1).toArray();
    exclBefore = f.exclusions().stream().mapToInt(e -> e.beforeStep() == null ? steps - 1 : e.beforeStep() - 1).toArray();
    best = new int[steps];
    attempt = new int[steps];
  }

  /**
   * Matches events {@code 0 <= q < n} (time-sorted; {@code ev[q]} their dataset positions).
   * Afterwards {@link #bestLevel} is the last step reached (-1: never entered) and {@link #best}
   * the event of each step (-1 when not matched); {@link #excluded} is true when every attempt was
   * cut by an exclusion.
   */
  void match(int n, int[] ev, long[] time, long[] stepMask, long[] exclMask) {
    bestLevel = -1;
    excluded = false;
    boolean anyAttempt = false;
    boolean anyValid = false;
    Arrays.fill(best, -1);
    long entryBits = order == FunnelOrder.ANY ? -1L : 1L;
    for (int p = 0; p < n && bestLevel < steps - 1; p++) {
      if ((stepMask[p] & entryBits) == 0) continue;
      anyAttempt = true;
      int level = order == FunnelOrder.ANY ? anyOrder(p, n, ev, time, stepMask, exclMask)
          : inOrder(p, n, ev, time, stepMask, exclMask);
      if (level == Integer.MIN_VALUE) continue;
      anyValid = true;
      if (level > bestLevel) {
        bestLevel = level;
        System.arraycopy(attempt, 0, best, 0, steps);
      }
    }
    excluded = anyAttempt && !anyValid;
  }

  /** Level reached from the first-step event at {@code p}, or MIN_VALUE when an exclusion cut it. */
  private int inOrder(int p, int n, int[] ev, long[] time, long[] stepMask, long[] exclMask) {
    Arrays.fill(attempt, -1);
    attempt[0] = ev[p];
    long end = time[p] + window;
    long prev = time[p];
    int next = 1;
    int last = 0;
    for (int q = p + 1; q < n && next < steps; q++) {
      long t = time[q];
      if (t > end) break;
      int hit = -1;
      boolean open = false;
      for (int s = next; s < steps; s++) {
        if (t - prev <= within[s]) {
          open = true;
          if ((stepMask[q] & (1L << s)) != 0) {
            hit = s;
            break;
          }
        }
        if (!optional[s]) break;
      }
      if (hit >= 0) {
        attempt[hit] = ev[q];
        next = hit + 1;
        last = hit;
        prev = t;
        continue;
      }
      if (cut(exclMask[q], last, next)) return Integer.MIN_VALUE;
      if (!open || order == FunnelOrder.STRICT) break;
    }
    return last;
  }

  private int anyOrder(int p, int n, int[] ev, long[] time, long[] stepMask, long[] exclMask) {
    Arrays.fill(attempt, -1);
    long end = time[p] + window;
    int matched = 0;
    for (int q = p; q < n && matched < steps && time[q] <= end; q++) {
      long m = stepMask[q];
      boolean used = false;
      for (int s = 0; s < steps && m != 0; s++) {
        if ((m & (1L << s)) != 0 && attempt[s] < 0) {
          attempt[s] = ev[q];
          matched++;
          used = true;
          break;
        }
      }
      if (!used && exclMask[q] != 0) {
        for (int x = 0; x < exclAfter.length; x++) {
          if ((exclMask[q] & (1L << x)) != 0 && attempt[exclAfter[x]] >= 0 && attempt[exclBefore[x]] < 0) {
            return Integer.MIN_VALUE;
          }
        }
      }
    }
    int level = -1;
    for (int s = 0; s < steps; s++) {
      if (attempt[s] >= 0) level = s;
      else if (!optional[s]) break;
    }
    for (int s = level + 1; s < steps; s++) attempt[s] = -1;
    return level;
  }

  /** True when an exclusion event at this point cuts an in-order attempt whose last step is {@code last}. */
  private boolean cut(long mask, int last, int next) {
    if (mask == 0) return false;
    for (int x = 0; x < exclAfter.length; x++) {
      if ((mask & (1L << x)) != 0 && last >= exclAfter[x] && exclBefore[x] >= next) return true;
    }
    return false;
  }
}
