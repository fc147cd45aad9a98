package io.wayfinder.cli;

/**
 * Formats epoch milliseconds as {@code 2024-01-18T21:59:15.910Z}, several times faster than
 * {@code Instant.toString()}, which dominated the cost of writing JSON Lines.
 */
final class IsoTimestamp {
  private IsoTimestamp() {}

  static String format(long epochMillis) {
    long days = Math.floorDiv(epochMillis, 86_400_000L);
    int msOfDay = (int) Math.floorMod(epochMillis, 86_400_000L);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int day = (int) (doy - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 0 || year > 9999) return java.time.Instant.ofEpochMilli(epochMillis).toString();
    char[] c = new char[24];
    put(c, 0, (int) year, 4);
    c[4] = '-';
    put(c, 5, month, 2);
    c[7] = '-';
    put(c, 8, day, 2);
    c[10] = 'T';
    put(c, 11, msOfDay / 3_600_000, 2);
    c[13] = ':';
    put(c, 14, msOfDay / 60_000 % 60, 2);
    c[16] = ':';
    put(c, 17, msOfDay / 1000 % 60, 2);
    c[19] = '.';
    put(c, 20, msOfDay % 1000, 3);
    c[23] = 'Z';
    return new String(c);
  }

  private static void put(char[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
