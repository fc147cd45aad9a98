package io.wayfinder.server.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Slows password guessing: after {@link #FAILURES_PER_NAME} failed sign-ins for one user name
 * (case-insensitive), or {@link #FAILURES_PER_ADDRESS} from one client address, within
 * {@link #WINDOW}, further attempts are refused without checking the password until the oldest of
 * those failures is {@link #WINDOW} old. A success clears its name's failures.
 *
 * <p>Each attempt counts as a failure from the moment it is admitted until it succeeds, so
 * parallel guesses cannot all pass while the first ones are still being checked (bcrypt takes a
 * quarter of a second). Kept in memory: a restart forgets the failures.
 */
public final class SignInThrottle {
  public static final int FAILURES_PER_NAME = 5;
  public static final int FAILURES_PER_ADDRESS = 20;
  public static final Duration WINDOW = Duration.ofMinutes(15);
  /** Keys kept per kind (names, addresses); the least recently used goes first. */
  public static final int MAX_KEYS = 10_000;
  /** User names are at most 64 characters; a longer one need not be kept whole. */
  private static final int MAX_NAME_KEY = 64;

  /** Whether a sign-in may check its password now. */
  public sealed interface Admission permits Admitted, Refused {}

  /** Let through, and counted as failed until {@link #succeeded} says otherwise. */
  public record Admitted(String nameKey, String address, Instant at) implements Admission {}

  /** Refused without checking the password; a new attempt may come after {@code retryAfter}. */
  public record Refused(Duration retryAfter) implements Admission {}

  private final FailureWindow names = new FailureWindow(FAILURES_PER_NAME, WINDOW, MAX_KEYS);
  private final FailureWindow addresses = new FailureWindow(FAILURES_PER_ADDRESS, WINDOW, MAX_KEYS);
  private final Clock clock;

  public SignInThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Admits a sign-in for {@code name} from {@code address} (counting it), or refuses it. */
  public synchronized Admission admit(String name, String address) {
    Instant now = clock.instant();
    String nameKey = nameKey(name);
    Duration wait = max(names.waitFor(nameKey, now), addresses.waitFor(address, now));
    if (!wait.isZero()) return new Refused(wait);
    names.add(nameKey, now);
    addresses.add(address, now);
    return new Admitted(nameKey, address, now);
  }

  /** The attempt found the right password: its name starts afresh, and the address's count drops this attempt. */
  public synchronized void succeeded(Admitted attempt) {
    names.clear(attempt.nameKey());
    addresses.remove(attempt.address(), attempt.at());
  }

  private static String nameKey(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.length() > MAX_NAME_KEY ? lower.substring(0, MAX_NAME_KEY) : lower;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
