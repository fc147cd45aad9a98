package io.wayfinder.core.eventlog;

import java.time.Duration;
import java.util.Map;

/**
 * Bounds on what one file may ask of the server, so a hostile or broken file fails with a message
 * naming its line instead of exhausting memory: a 1.5 MB {@code .jsonl.gz} can inflate to one
 * 1.5 GB line, and a reader that runs out of memory takes the whole server with it.
 *
 * <p>Set by environment variables (the server checks them as it starts): {@code WAYFINDER_IMPORT_MAX_LINE_BYTES}
 * (default 1 MiB; a CSV or JSONL line), {@code WAYFINDER_IMPORT_MAX_ATTRIBUTE_BYTES} (default 1 MiB;
 * one XML tag of an XES file with its attribute values, or text between tags) and
 * {@code WAYFINDER_IMPORT_STALL_SECONDS} (default 5; how long the event writer waits for an
 * import's next rows before it fails the import, so collection never waits longer on it).
 *
 * @param maxLineBytes the longest line, in bytes without its terminator
 * @param maxAttributeBytes the longest XML tag or text between tags, in bytes
 * @param stall how long the writer waits for an import's next chunk of rows
 */
public record ImportLimits(int maxLineBytes, int maxAttributeBytes, Duration stall) {
  /** The environment variable setting {@link #maxLineBytes()}. */
  public static final String MAX_LINE_BYTES = "WAYFINDER_IMPORT_MAX_LINE_BYTES";
  /** The environment variable setting {@link #maxAttributeBytes()}. */
  public static final String MAX_ATTRIBUTE_BYTES = "WAYFINDER_IMPORT_MAX_ATTRIBUTE_BYTES";
  /** The environment variable setting {@link #stall()}, in seconds. */
  public static final String STALL_SECONDS = "WAYFINDER_IMPORT_STALL_SECONDS";

  public ImportLimits {
    if (maxLineBytes < 1 || maxAttributeBytes < 1 || stall.isNegative() || stall.isZero()) {
      throw new IllegalArgumentException("import limits must be positive");
    }
  }

  /**
   * The limits this process runs with: the environment's, else the defaults. Read on each call
   * (it is cheap) rather than once in a static initialiser, where a bad value would surface as an
   * {@code ExceptionInInitializerError} in whichever thread happened to load the class.
   *
   * @throws IllegalArgumentException naming a variable whose value is not a positive whole number
   */
  public static ImportLimits current() {
    return from(System.getenv());
  }

  /**
   * The limits set in {@code env}, the defaults for those unset.
   *
   * @throws IllegalArgumentException naming the variable whose value is not a positive whole number
   */
  public static ImportLimits from(Map<String, String> env) {
    return new ImportLimits((int) number(env, MAX_LINE_BYTES, 1 << 20, Integer.MAX_VALUE - 8),
        (int) number(env, MAX_ATTRIBUTE_BYTES, 1 << 20, Integer.MAX_VALUE - 8),
        Duration.ofSeconds(number(env, STALL_SECONDS, 5, 86_400)));
  }

  private static long number(Map<String, String> env, String name, long dflt, long max) {
    String v = env.get(name);
    if (v == null || v.isBlank()) return dflt;
    try {
      long n = Long.parseLong(v.strip());
      if (n >= 1 && n <= max) return n;
    } catch (NumberFormatException e) {
      // the message below says what is expected
    }
    throw new IllegalArgumentException(name + ": expected a whole number from 1 to " + max + ", got '" + v + "'");
  }
}
