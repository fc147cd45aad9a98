package io.wayfinder.store.journey;

import io.wayfinder.core.journey.dataset.Column;
import io.wayfinder.core.journey.discovery.CodePointOrder;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Dictionaries of text values in DuckDB's order (by code point), as the loader's ENUM types give
 * them.
 */
final class SortedDictionary {
  private SortedDictionary() {}

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
}
