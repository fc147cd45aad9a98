package io.wayfinder.core.journey.index;

/**
 * Stable sort of event numbers by timestamp: ties keep the order of the event numbers, which are
 * the original positions. Runs on small per-case ranges, which are usually sorted already.
 */
final class TimeOrder {
  private static final int INSERTION_LIMIT = 24;

  private TimeOrder() {}

  /** Sorts {@code events[from, to)} by {@code (time[e], e)}; {@code buffer} holds at least {@code to - from}. */
  static void sort(int[] events, int from, int to, long[] time, int[] buffer) {
    if (isSorted(events, from, to, time)) {
      return;
    }
    mergeSort(events, from, to, time, buffer);
  }

  private static boolean before(int a, int b, long[] time) {
    return time[a] < time[b] || (time[a] == time[b] && a < b);
  }

  private static boolean isSorted(int[] events, int from, int to, long[] time) {
    for (int i = from + 1; i < to; i++) {
      if (before(events[i], events[i - 1], time)) {
        return false;
      }
    }
    return true;
  }

  private static void mergeSort(int[] a, int from, int to, long[] time, int[] buf) {
    if (to - from <= INSERTION_LIMIT) {
      for (int i = from + 1; i < to; i++) {
        int e = a[i];
        int j = i - 1;
        while (j >= from && before(e, a[j], time)) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = e;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(a, from, mid, time, buf);
    mergeSort(a, mid, to, time, buf);
    int len = to - from;
    int half = mid - from;
    System.arraycopy(a, from, buf, 0, len);
    int i = 0;
    int j = half;
    for (int k = from; k < to; k++) {
      if (j >= len || (i < half && !before(buf[j], buf[i], time))) {
        a[k] = buf[i++];
      } else {
        a[k] = buf[j++];
      }
    }
  }
}
