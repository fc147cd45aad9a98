package io.wayfinder.store.journey;

import io.wayfinder.core.journey.dataset.Column;
import io.wayfinder.core.journey.dataset.ColumnChange;
import io.wayfinder.core.journey.discovery.CodePointOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Dictionaries of text values in DuckDB's order (by code point), as the loader's ENUM types give
 * them. A refreshed column keeps that order when new values come, so its codes are the ones a
 * fresh load would give and every result that breaks ties by code stays the same.
 */
final class SortedDictionary {
  private SortedDictionary() {}

  /** A column's dictionary as an array, in code order. */
  static String[] values(Column c) {
    String[] out = new String[c.distinctValues()];
    for (int v = 0; v < out.length; v++) out[v] = c.valueOf(v);
    return out;
  }

  /**
   * How the sorted dictionary of {@code old} grows when items with these values (null: none)
   * are added: the new values sorted in among the old ones, and each added item's code.
   */
  static ColumnChange grow(Column old, String[] added) {
    TreeSet<String> fresh = new TreeSet<>(CodePointOrder.INSTANCE);
    for (String a : added) if (a != null && old.codeOf(a) < 0) fresh.add(a);
    String[] before = values(old);
    String[] values = before;
    int[] recode = null;
    Map<String, Integer> freshCode = new HashMap<>();
    if (!fresh.isEmpty()) {
      values = new String[before.length + fresh.size()];
      recode = new int[before.length];
      int i = 0;
      int k = 0;
      for (String f : fresh) {
        while (i < before.length && CodePointOrder.INSTANCE.compare(before[i], f) < 0) {
          recode[i] = k;
          values[k++] = before[i++];
        }
        freshCode.put(f, k);
        values[k++] = f;
      }
      while (i < before.length) {
        recode[i] = k;
        values[k++] = before[i++];
      }
      if (i == 0 || recode[i - 1] == i - 1) recode = null; // every new value sorts after the old ones
    }
    int[] codes = new int[added.length];
    for (int d = 0; d < added.length; d++) {
      String a = added[d];
      int c = a == null ? -1 : old.codeOf(a);
      codes[d] = a == null ? -1 : c < 0 ? freshCode.get(a) : recode == null ? c : recode[c];
    }
    return new ColumnChange(values, recode, codes);
  }

  /** A column of these values (null: none), its dictionary the distinct values sorted. */
  static Column encode(String[] items) {
    TreeSet<String> distinct = new TreeSet<>(CodePointOrder.INSTANCE);
    for (String s : items) if (s != null) distinct.add(s);
    String[] values = distinct.toArray(String[]::new);
    Map<String, Integer> code = new HashMap<>();
    for (int v = 0; v < values.length; v++) code.put(values[v], v);
    int[] codes = new int[items.length];
    for (int i = 0; i < items.length; i++) codes[i] = items[i] == null ? -1 : code.get(items[i]);
    return new Column(values, codes);
  }

  /** {@code codes} over {@code values} without the values no item has; null when no item has one. */
  static Column withoutUnused(String[] values, int[] codes) {
    int[] used = new int[values.length];
    for (int c : codes) if (c >= 0) used[c]++;
    int[] recode = new int[values.length];
    int kept = 0;
    for (int v = 0; v < values.length; v++) recode[v] = used[v] > 0 ? kept++ : -1;
    if (kept == 0) return null;
    if (kept == values.length) return new Column(values, codes);
    String[] keptValues = new String[kept];
    for (int v = 0; v < values.length; v++) if (recode[v] >= 0) keptValues[recode[v]] = values[v];
    int[] out = Arrays.copyOf(codes, codes.length);
    for (int i = 0; i < out.length; i++) if (out[i] >= 0) out[i] = recode[out[i]];
    return new Column(keptValues, out);
  }
}
