package io.wayfinder.core.predict.clv.summary;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One purchase: who, on which day, for how much. The CLV models work at day resolution, so a
 * timestamp is reduced to its date in a chosen time zone ({@link #at}).
 *
 * @param customerId the customer, not blank
 * @param date the day of the purchase
 * @param amount the value, finite and {@code >= 0} (a zero-value purchase still counts as a
 *     transaction; refunds are not purchases)
 */
public record Purchase(String customerId, LocalDate date, double amount) {

  public Purchase {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(date, "date");
    if (customerId.isBlank()) throw new IllegalArgumentException("customer id is blank");
    if (!Double.isFinite(amount)) throw new IllegalArgumentException("amount is not a finite number: " + amount);
    if (amount < 0) throw new IllegalArgumentException("amount is negative: " + amount);
  }

  /** A purchase at an instant, dated in {@code zone}. */
  public static Purchase at(String customerId, Instant instant, ZoneId zone, double amount) {
    return new Purchase(customerId, LocalDate.ofInstant(instant, zone), amount);
  }
}
