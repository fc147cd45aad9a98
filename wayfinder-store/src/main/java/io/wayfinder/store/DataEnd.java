package io.wayfinder.store;

import io.wayfinder.core.event.EventTimeRange;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Where the event history ends, for the defaults of the models (CLV calibration end, churn as-of)
 * and of the pages' "last N days": the latest event, unless the latest events are a thin tail cut
 * off from the history by a silence. Rule: a tail of events that follows more than
 * {@value #GAP_DAYS} days without any event and holds less than 1 % of all events is left out,
 * and the history ends at the last event before that silence. Events beyond
 * {@link EventTimeRange#latest} (stored before that range was enforced) are not part of the history.
 *
 * <p>Why: a few live events sent today into a history that ended months ago would otherwise move
 * every default to today, and the models would read the silent months as months in which nobody
 * bought (calibration on empty weeks, a churn label window without purchases).
 */
public final class DataEnd {
  /** A silence longer than this many days before a thin tail marks the tail as detached. */
  public static final int GAP_DAYS = 7;
  /** A tail with at least this share of the events is part of the history, silence or not. */
  public static final double TAIL_SHARE = 0.01;

  private static final String SQL = """
      WITH d AS (SELECT CAST(timezone('UTC', ts) AS DATE) AS day, count(*) AS n, max(ts) AS last FROM events
                 WHERE ts <= now() + INTERVAL %d DAY GROUP BY 1),
      t AS (SELECT day, last, lag(day) OVER (ORDER BY day) AS prev, lag(last) OVER (ORDER BY day) AS prev_last,
                   sum(n) OVER (ORDER BY day DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS tail,
                   sum(n) OVER () AS total
            FROM d)
      SELECT coalesce((SELECT prev_last FROM t WHERE prev IS NOT NULL AND day - prev > %d AND tail < %s * total
                       ORDER BY day LIMIT 1), (SELECT max(last) FROM d))""".formatted(EventTimeRange.FUTURE_TOLERANCE.toDays(), GAP_DAYS, TAIL_SHARE);

  private DataEnd() {}

  /** The instant of the last event of the history (see the class comment); null for an empty log. */
  public static Instant of(Database db) {
    try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SQL)) {
      rs.next();
      OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
      return t == null ? null : t.toInstant();
    } catch (SQLException e) {
      throw new StoreException("cannot find the end of the event history: " + e.getMessage(), e);
    }
  }

  /** The UTC day of {@link #of}, or null for an empty log. */
  public static LocalDate day(Database db) {
    Instant t = of(db);
    return t == null ? null : LocalDate.ofInstant(t, ZoneOffset.UTC);
  }
}
