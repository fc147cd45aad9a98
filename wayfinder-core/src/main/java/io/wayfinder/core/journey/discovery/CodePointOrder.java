package io.wayfinder.core.journey.discovery;

import java.util.Comparator;

/**
 * Orders strings by Unicode code point, as Python and other process-mining tools do, and as
 * DuckDB orders text (by UTF-8 bytes, the same order); Java's {@code String.compareTo} compares
 * UTF-16 units and differs for characters beyond the BMP.
 */
public final class CodePointOrder implements Comparator<String> {
  public static final CodePointOrder INSTANCE = new CodePointOrder();

  private CodePointOrder() {}

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
