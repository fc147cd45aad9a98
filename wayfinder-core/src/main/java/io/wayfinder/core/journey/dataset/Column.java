package io.wayfinder.core.journey.dataset;

import io.wayfinder.core.journey.index.EventLayout;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A dictionary-encoded text column: per event a code into {@code values}, -1 for no value.
 * Arrays are shared, not copied; callers must not modify them.
 */
public final class Column {
  private final String[] values;
  private final int[] codes;
  private final Map<String, Integer> lookup = new HashMap<>();

  public Column(String[] values, int[] codes) {
    this.values = values;
    this.codes = codes;
    for (int v = 0; v < values.length; v++) lookup.putIfAbsent(values[v], v);
  }

  /** A column with no value for any of {@code n} events. */
  public static Column empty(int n) {
    int[] codes = new int[n];
    Arrays.fill(codes, -1);
    return new Column(new String[0], codes);
  }

  /** The value of event {@code i}, or null. */
  public String value(int i) {
    int c = codes[i];
    return c < 0 ? null : values[c];
  }

  public int code(int i) {
    return codes[i];
  }

  /** The code of {@code value}, or -1 when no event has it. */
  public int codeOf(String value) {
    Integer c = lookup.get(value);
    return c == null ? -1 : c;
  }

  public String valueOf(int code) {
    return values[code];
  }

  public int size() {
    return codes.length;
  }

  public int distinctValues() {
    return values.length;
  }

  /** This column in an updated index's order, with its dictionary changed as {@code change} says. */
  Column updated(EventLayout layout, ColumnChange change) {
    if (change.appended().length != layout.size() - codes.length) throw new IllegalArgumentException("one code per appended event");
    if (change.recode() != null && change.recode().length != values.length) throw new IllegalArgumentException("one recode per old value");
    return new Column(change.values(), layout.gather(codes, change.recode(), change.appended()));
  }

  /** This column's codes permuted: event {@code k} of the result is event {@code order[k]} here. */
  Column permuted(int[] order) {
    int[] out = new int[order.length];
    for (int k = 0; k < order.length; k++) out[k] = codes[order[k]];
    return new Column(values, out);
  }
}
