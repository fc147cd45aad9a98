package io.wayfinder.store.predict;

import io.wayfinder.core.predict.churn.Interaction;
import io.wayfinder.core.predict.clv.summary.Purchase;
import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Reads what the prediction models need from the event log: purchases and journey interactions. */
final class PredictionEvents {
  private PredictionEvents() {}

  /**
   * Purchases from a window of the log.
   *
   * @param purchases usable purchases (customer = profile number, dated in UTC)
   * @param withoutRevenue purchase events whose revenue property is missing or not a number, left out
   * @param negative purchase events with a negative revenue (refunds), left out
   * @param first time of the earliest usable purchase (null when none)
   * @param last time of the latest one
   */
  record Purchases(List<Purchase> purchases, long withoutRevenue, long negative, Instant first, Instant last) {}

  /** Purchase events named {@code event} with {@code from <= ts < to} (either bound may be null). */
  static Purchases purchases(Database db, String event, String revenueProperty, Instant from, Instant to) {
    String sql = "SELECT profile_id, ts, TRY_CAST(json_extract_string(properties, ?) AS DOUBLE) FROM events "
        + "WHERE type = 'track' AND name = ? AND ts >= ? AND ts < ? ORDER BY profile_id, ts";
    List<Purchase> out = new ArrayList<>();
    long missing = 0;
    long negative = 0;
    Instant first = null;
    Instant last = null;
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, "$.\"" + revenueProperty + "\"");
      ps.setString(2, event);
      bounds(ps, 3, from, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          double amount = rs.getDouble(3);
          if (rs.wasNull() || !Double.isFinite(amount)) {
            missing++;
            continue;
          }
          if (amount < 0) {
            negative++;
            continue;
          }
          Instant at = rs.getObject(2, java.time.OffsetDateTime.class).toInstant();
          out.add(Purchase.at(Long.toString(rs.getLong(1)), at, ZoneOffset.UTC, amount));
          first = first == null || at.isBefore(first) ? at : first;
          last = last == null || at.isAfter(last) ? at : last;
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read purchases: " + e.getMessage(), e);
    }
    return new Purchases(out, missing, negative, first, last);
  }

  /**
   * Refuses an observation end after the day of the latest event in the log: the models would read
   * the days past the data as days in which nobody bought (P(alive) and CLV collapse, churn risk
   * soars). On a live store the latest event is minutes old, so "today" is always allowed.
   */
  static void requireWithinData(Database db, LocalDate end, String field) {
    if (end == null) return;
    try (Connection c = db.connect(); var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT max(ts) FROM events")) {
      rs.next();
      var latest = rs.getObject(1, java.time.OffsetDateTime.class);
      if (latest == null) return; // an empty log: the caller says there is nothing to fit
      LocalDate last = latest.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
      if (end.isAfter(last)) {
        throw new IllegalArgumentException(field + ": " + end + " is after the latest event in the store (" + last
            + "); the days without data would count as days without purchases");
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the latest event: " + e.getMessage(), e);
    }
  }

  /** Track events with {@code from <= ts < to}, with the survey and comment fields the churn features read. */
  static List<Interaction> interactions(Database db, Instant from, Instant to) {
    String sql = "SELECT profile_id, epoch_ms(ts), name, channel, json_extract_string(properties, '$.comment'), "
        + "json_extract_string(properties, '$.question_type'), TRY_CAST(json_extract_string(properties, '$.score') AS DOUBLE) "
        + "FROM events WHERE type = 'track' AND name IS NOT NULL AND ts >= ? AND ts < ?";
    List<Interaction> out = new ArrayList<>();
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      bounds(ps, 1, from, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          double score = rs.getDouble(7);
          if (rs.wasNull()) score = Double.NaN;
          out.add(new Interaction(Long.toString(rs.getLong(1)), rs.getLong(2), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getString(6), score));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read events: " + e.getMessage(), e);
    }
    return out;
  }

  private static void bounds(PreparedStatement ps, int i, Instant from, Instant to) throws SQLException {
    ps.setObject(i, java.time.OffsetDateTime.ofInstant(from == null ? Instant.EPOCH : from, ZoneOffset.UTC));
    ps.setObject(i + 1, java.time.OffsetDateTime.ofInstant(to == null ? Instant.parse("2200-01-01T00:00:00Z") : to, ZoneOffset.UTC));
  }
}
