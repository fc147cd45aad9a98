package io.wayfinder.core.eventlog;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.DateTimeException;

/**
 * Parses event-log timestamps into instants: ISO-8601 / xs:dateTime with {@code T} or a space
 * between date and time, optional seconds and fraction (up to nanoseconds), and an optional offset
 * ({@code Z}, {@code +02:00}, {@code +0200}, {@code +02}). Values without an offset are read in the
 * given default zone. A date alone means its midnight.
 *
 * <p>Hand-written rather than {@code DateTimeFormatter} because an import of ten million rows
 * spends most of its time here otherwise.
 */
public final class Timestamps {
  private Timestamps() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException with a reason naming what was expected
   */
  public static Instant parse(String text, ZoneId defaultZone) {
    String s = text.strip();
    int n = s.length();
    if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      throw bad(text);
    }
    int year = digits(s, 0, 4, text);
    int month = digits(s, 5, 7, text);
    int day = digits(s, 8, 10, text);
    int hour = 0;
    int minute = 0;
    int second = 0;
    int nanos = 0;
    int i = 10;
    if (i < n && (s.charAt(i) == 'T' || s.charAt(i) == 't' || s.charAt(i) == ' ')) {
      if (n < i + 6 || s.charAt(i + 3) != ':') {
        throw bad(text);
      }
      hour = digits(s, i + 1, i + 3, text);
      minute = digits(s, i + 4, i + 6, text);
      i += 6;
      if (i < n && s.charAt(i) == ':') {
        if (n < i + 3) {
          throw bad(text);
        }
        second = digits(s, i + 1, i + 3, text);
        i += 3;
        if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
          int start = ++i;
          while (i < n && isDigit(s.charAt(i))) {
            if (i - start < 9) {
              nanos = nanos * 10 + (s.charAt(i) - '0');
            }
            i++;
          }
          if (i == start) {
            throw bad(text);
          }
          for (int k = i - start; k < 9; k++) {
            nanos *= 10;
          }
        }
      }
    }
    ZoneOffset offset = null;
    if (i < n) {
      offset = offset(s, i, text);
    }
    LocalDateTime local;
    try {
      local = LocalDateTime.of(year, month, day, hour == 24 ? 0 : hour, minute, second, nanos);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("invalid date-time '" + text + "': " + e.getMessage());
    }
    if (hour == 24) {
      local = local.plusDays(1); // ISO allows 24:00 for the end of a day
    }
    return offset != null ? local.toInstant(offset) : local.atZone(defaultZone).toInstant();
  }

  private static ZoneOffset offset(String s, int i, String text) {
    char c = s.charAt(i);
    if ((c == 'Z' || c == 'z') && i + 1 == s.length()) {
      return ZoneOffset.UTC;
    }
    if (c == ' ' && i + 1 < s.length()) {
      return offset(s, i + 1, text); // "2011-10-11 13:45:40 +02:00"
    }
    if (c != '+' && c != '-') {
      throw bad(text);
    }
    String rest = s.substring(i);
    try {
      return switch (rest.length()) {
        case 3 -> ZoneOffset.of(rest); // +02
        case 5 -> ZoneOffset.of(rest.substring(0, 3) + ":" + rest.substring(3)); // +0200
        default -> ZoneOffset.of(rest); // +02:00
      };
    } catch (DateTimeException e) {
      throw bad(text);
    }
  }

  private static int digits(String s, int from, int to, String text) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        throw bad(text);
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static IllegalArgumentException bad(String text) {
    return new IllegalArgumentException(
        "expected an ISO-8601 date-time such as 2011-10-11T13:45:40.276+02:00, got '" + text + "'");
  }
}
