package io.wayfinder.store.privacy;

import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import io.wayfinder.store.collect.EventWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Retention: events of a source, or of an event name, older than a rule's age are deleted; run
 * on a schedule by the server and on demand. Deletion runs in the event writer (one transaction),
 * then the read models that cannot see deletions (journey index, KPI responses) are dropped, so
 * analytics agree with the log.
 */
public final class Retention {
  /** One rule: exactly one of {@code source} and {@code event} is set. */
  public record Rule(String source, String event, Duration maxAge) {
    public Rule {
      if ((source == null) == (event == null)) throw new IllegalArgumentException("a rule names a source or an event, not both");
    }
  }

  /** What one run deleted. */
  public record RunResult(long deletedEvents, List<Long> perRule) {}

  /** Shortest age accepted without an explicit confirmation: less would delete what was just collected. */
  public static final Duration MIN_UNCONFIRMED = Duration.ofDays(1);

  private final Database db;
  private final EventWriter writer;
  private final List<Runnable> onDeleted = new CopyOnWriteArrayList<>();
  private final AtomicLong deletedTotal = new AtomicLong();

  public Retention(Database db, EventWriter writer) {
    this.db = db;
    this.writer = writer;
  }

  /** Registers what must drop read models after a deletion. */
  public void onDeleted(Runnable r) {
    onDeleted.add(r);
  }

  /** Events deleted by retention since start. */
  public long deletedTotal() {
    return deletedTotal.get();
  }

  /** Replaces the rules. */
  public void setRules(List<Rule> rules) {
    writer.runBulk(s -> {
      try (Statement st = s.connection().createStatement();
          PreparedStatement ps = s.connection().prepareStatement("INSERT INTO retention_rules VALUES (?, ?, ?, now())")) {
        st.execute("DELETE FROM retention_rules");
        for (Rule r : rules) {
          ps.setString(1, r.source());
          ps.setString(2, r.event());
          ps.setLong(3, r.maxAge().toSeconds());
          ps.execute();
        }
      }
    });
  }

  public List<Rule> rules() {
    List<Rule> out = new ArrayList<>();
    try (Connection c = db.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT source, event_name, max_age_seconds FROM retention_rules ORDER BY rowid")) {
      while (rs.next()) out.add(new Rule(rs.getString(1), rs.getString(2), Duration.ofSeconds(rs.getLong(3))));
    } catch (SQLException e) {
      throw new StoreException("cannot read retention rules: " + e.getMessage(), e);
    }
    return out;
  }

  /** Runs {@link #run()} every {@code period} until the returned timer is shut down. */
  public java.util.concurrent.ScheduledExecutorService schedule(Duration period) {
    var timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "wayfinder-retention");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(() -> {
      try {
        run();
      } catch (RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(Retention.class).warn("retention run failed (retried next period): {}", e.getMessage());
      }
    }, period.toMillis(), period.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    return timer;
  }

  /** Deletes the events the rules have expired, now. */
  public RunResult run() {
    List<Rule> rules = rules();
    List<Long> perRule = new ArrayList<>();
    if (rules.isEmpty()) return new RunResult(0, perRule);
    writer.runBulk(s -> {
      try (Statement st = s.connection().createStatement()) {
        // the newest events may expire too: their ids are never given out again
        st.execute("INSERT INTO id_floor VALUES (" + (s.reserveEventIds(0) - 1) + ", " + s.lastProfileId() + ")");
      }
      try (PreparedStatement ps = s.connection().prepareStatement("DELETE FROM events WHERE "
          + "(CASE WHEN ?::VARCHAR IS NOT NULL THEN source = ? ELSE name = ? END) AND ts < now() - to_seconds(?)")) {
        for (Rule r : rules) {
          ps.setString(1, r.source());
          ps.setString(2, r.source());
          ps.setString(3, r.event());
          ps.setLong(4, r.maxAge().toSeconds());
          perRule.add((long) ps.executeUpdate());
        }
      }
    });
    long total = perRule.stream().mapToLong(Long::longValue).sum();
    deletedTotal.addAndGet(total);
    if (total > 0) onDeleted.forEach(Runnable::run);
    return new RunResult(total, perRule);
  }
}
