package io.wayfinder.core.journey.definition;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the short durations of definitions and queries: {@code 90s}, {@code 30m}, {@code 48h}, {@code 14d}, {@code 2w}, or ISO-8601 ({@code P14D}). */
public final class TimeSpan {
  private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(s|m|h|d|w)");

  private TimeSpan() {}

  /** The duration {@code text} stands for; {@code field} names it in the error. */
  public static Duration parse(String text, String field) {
    if (text == null || text.isBlank()) throw new IllegalArgumentException(field + ": required (e.g. 48h, 14d)");
    String t = text.strip();
    Matcher m = SHORT.matcher(t);
    if (m.matches()) {
      double n = Double.parseDouble(m.group(1));
      long unit = switch (m.group(2)) {
        case "s" -> 1;
        case "m" -> 60;
        case "h" -> 3600;
        case "d" -> 86_400;
        default -> 604_800;
      };
      Duration d = Duration.ofMillis(Math.round(n * unit * 1000));
      if (d.isZero()) throw new IllegalArgumentException(field + ": must be positive, got '" + text + "'");
      return d;
    }
    try {
      Duration d = Duration.parse(t);
      if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(field + ": must be positive, got '" + text + "'");
      return d;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + ": expected a duration like 90s, 30m, 48h, 14d, 2w or P14D, got '" + text + "'");
    }
  }
}
