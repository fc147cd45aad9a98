package io.wayfinder.core.journey.retention;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A calendar period in UTC: day, ISO week (Monday to Sunday) or month. Periods are numbered
 * consecutively, so the retention offset of an event is the difference of two numbers: two
 * events in the same calendar week are in the same week whatever their hours.
 */
public enum Period {
  DAY, WEEK, MONTH;

  private static final long MICROS_PER_DAY = 86_400_000_000L;

  /** Parses day, week or month (any case); {@code field} names it in the error. */
  public static Period parse(String text, String field) {
    if (text == null || text.isBlank()) return null;
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "day", "days", "d" -> DAY;
      case "week", "weeks", "w" -> WEEK;
      case "month", "months", "m" -> MONTH;
      default -> throw new IllegalArgumentException(field + ": expected day, week or month, got '" + text + "'");
    };
  }

  /** The number of the period holding the instant {@code micros} (epoch microseconds). */
  public int index(long micros) {
    long day = Math.floorDiv(micros, MICROS_PER_DAY);
    return switch (this) {
      case DAY -> (int) day;
      // 1970-01-01 was a Thursday: Monday 1969-12-29 is day -3
      case WEEK -> (int) Math.floorDiv(day + 3, 7);
      case MONTH -> monthOfDay(day);
    };
  }

  /** The first day of period {@code index}. */
  public LocalDate start(int index) {
    return switch (this) {
      case DAY -> LocalDate.ofEpochDay(index);
      case WEEK -> LocalDate.ofEpochDay(7L * index - 3);
      case MONTH -> LocalDate.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1, 1);
    };
  }

  /** A label: the day ({@code 2024-03-05}), the week's Monday ({@code 2024-03-04}) or the month ({@code 2024-03}). */
  public String label(int index) {
    String s = start(index).toString();
    return this == MONTH ? s.substring(0, 7) : s;
  }

  /** year * 12 + month - 1 of an epoch day, by Hinnant's civil-from-days arithmetic (no objects per event). */
  private static int monthOfDay(long epochDay) {
    long z = epochDay + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) y++;
    return (int) (y * 12 + m - 1);
  }
}
