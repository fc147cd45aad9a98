package io.wayfinder.store.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's view of the store inside one transaction: a pass reads events after the cursor,
 * moves instances, queues actions and moves the cursor, and all of it commits together, so a
 * crash repeats a pass whole or not at all.
 */
public final class FlowTx {
  static final ObjectMapper JSON = new ObjectMapper();

  private final Connection c;

  private FlowTx(Connection c) {
    this.c = c;
  }

  /** Work inside one transaction. */
  public interface Work<T> {
    T run(FlowTx tx) throws SQLException;
  }

  /** Runs {@code work} in one transaction, committed when it returns and rolled back when it throws. */
  public static <T> T inTransaction(Database db, Work<T> work) {
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      try {
        T out = work.run(new FlowTx(c));
        c.commit();
        return out;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("flow engine pass failed: " + e.getMessage(), e);
    }
  }

  /** An event as the engine sees it. */
  public record LogEvent(long id, String name, long profileId, String customerId, JsonNode properties, Instant at) {}

  /** A running or waiting instance. */
  public record Instance(long id, String flowId, int version, long profileId, String customerId, String status,
      String node, JsonNode event, Instant enteredAt) {}

  /** A wait that fell due, or one an event may end. */
  public record DueWait(long instanceId, String node, Instant dueAt, String eventName) {}

  public long cursor() throws SQLException {
    return one("SELECT last_event_id FROM flow_engine_state");
  }

  public void moveCursor(long lastEventId) throws SQLException {
    update("UPDATE flow_engine_state SET last_event_id = ?", lastEventId);
  }

  /** Named events after the cursor, oldest first. */
  public List<LogEvent> eventsAfter(long cursor, int limit) throws SQLException {
    List<LogEvent> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT id, name, profile_id, coalesce(user_id, anonymous_id, "
        + "'profile-' || profile_id), properties, epoch_ms(ts) FROM events WHERE id > ? AND name IS NOT NULL ORDER BY id LIMIT ?")) {
      ps.setLong(1, cursor);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new LogEvent(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), json(rs.getString(5)),
              Instant.ofEpochMilli(rs.getLong(6))));
        }
      }
    }
    return out;
  }

  /** The newest event id (0 when none). */
  public long lastEventId() throws SQLException {
    return one("SELECT coalesce(max(id), 0) FROM events");
  }

  /** The customer's instances of every flow that have not ended. */
  public List<Instance> openInstances(long profileId) throws SQLException {
    return instances("WHERE profile_id = ? AND ended_at IS NULL ORDER BY id", profileId);
  }

  public Instance instance(long id) throws SQLException {
    List<Instance> l = instances("WHERE id = ?", id);
    return l.isEmpty() ? null : l.get(0);
  }

  private List<Instance> instances(String where, Object arg) throws SQLException {
    List<Instance> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT id, flow_id, version, profile_id, customer_id, status, node, "
        + "event, epoch_ms(entered_at) FROM flow_instances " + where)) {
      ps.setObject(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Instance(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getString(5),
              rs.getString(6), rs.getString(7), json(rs.getString(8)), Instant.ofEpochMilli(rs.getLong(9))));
        }
      }
    }
    return out;
  }

  /** The customer's last entry into a flow: {entered at, ended (1/0)}, or null when never. */
  public long[] lastEntry(String flowId, long profileId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT epoch_ms(entered_at), ended_at IS NOT NULL FROM flow_instances "
        + "WHERE flow_id = ? AND profile_id = ? ORDER BY entered_at DESC, id DESC LIMIT 1")) {
      ps.setString(1, flowId);
      ps.setLong(2, profileId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new long[] {rs.getLong(1), rs.getBoolean(2) ? 1 : 0} : null;
      }
    }
  }

  /** Whether any instance has not ended. */
  public boolean anyOpenInstance() throws SQLException {
    return one("SELECT count(*) FROM (SELECT 1 FROM flow_instances WHERE ended_at IS NULL LIMIT 1)") > 0;
  }

  /** Whether the customer has an instance of the flow that has not ended. */
  public boolean hasOpenInstance(String flowId, long profileId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM flow_instances WHERE flow_id = ? AND profile_id = ? "
        + "AND ended_at IS NULL LIMIT 1")) {
      ps.setString(1, flowId);
      ps.setLong(2, profileId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  public long newInstance(String flowId, int version, long profileId, String customerId, String node, JsonNode event,
      Instant at) throws SQLException {
    long id = one("SELECT coalesce(max(id), 0) + 1 FROM flow_instances");
    update("INSERT INTO flow_instances VALUES (?, ?, ?, ?, ?, 'running', ?, ?, ?, NULL)", id, flowId, version, profileId,
        customerId, node, event == null ? null : event.toString(), ts(at));
    return id;
  }

  /** Moves an instance to a node; a final status (converted, exited, done) ends it and drops its wait. */
  public void setState(long instanceId, String status, String node, JsonNode event, Instant at) throws SQLException {
    boolean ends = !status.equals("running") && !status.equals("waiting");
    update("UPDATE flow_instances SET status = ?, node = ?, event = coalesce(?, event), ended_at = ? WHERE id = ?", status, node,
        event == null ? null : event.toString(), ends ? ts(at) : null, instanceId);
    if (ends || status.equals("running")) update("DELETE FROM flow_waits WHERE instance_id = ?", instanceId);
  }

  public void addWait(long instanceId, String node, Instant dueAt, String eventName) throws SQLException {
    update("DELETE FROM flow_waits WHERE instance_id = ?", instanceId);
    update("INSERT INTO flow_waits VALUES (?, ?, ?, ?)", instanceId, node, ts(dueAt), eventName);
  }

  public DueWait waitOf(long instanceId) throws SQLException {
    List<DueWait> l = waits("WHERE instance_id = ?", instanceId, 1);
    return l.isEmpty() ? null : l.get(0);
  }

  /** Waits due at or before {@code now}, oldest first. */
  public List<DueWait> dueWaits(Instant now, int limit) throws SQLException {
    return waits("WHERE due_at <= ? ORDER BY due_at, instance_id", ts(now), limit);
  }

  private List<DueWait> waits(String where, Object arg, int limit) throws SQLException {
    List<DueWait> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT instance_id, node, epoch_ms(due_at), event_name FROM flow_waits "
        + where + " LIMIT " + limit)) {
      ps.setObject(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(new DueWait(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4)));
      }
    }
    return out;
  }

  /** Queues an action once: a second call with the same idempotency key changes nothing. */
  public boolean enqueue(Outbox.Item item) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO flow_outbox VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, NULL, ?, NULL) "
        + "ON CONFLICT DO NOTHING")) {
      int i = 1;
      ps.setString(i++, item.idempotencyKey());
      ps.setLong(i++, item.instanceId());
      ps.setString(i++, item.flowId());
      ps.setInt(i++, item.version());
      ps.setString(i++, item.node());
      ps.setLong(i++, item.profileId());
      ps.setString(i++, item.kind());
      ps.setString(i++, item.channel());
      ps.setString(i++, item.destination());
      ps.setString(i++, item.payload().toString());
      ps.setObject(i++, ts(item.createdAt()));
      ps.setObject(i, ts(item.createdAt()));
      return ps.executeUpdate() == 1;
    }
  }

  /** Actions queued for the customer since {@code since} on {@code channel} (null: every capped channel). */
  public long actionsSince(long profileId, String channel, Instant since) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM flow_outbox WHERE profile_id = ? AND created_at > ? "
        + "AND channel IS NOT NULL" + (channel == null ? "" : " AND channel = ?"))) {
      ps.setLong(1, profileId);
      ps.setObject(2, ts(since));
      if (channel != null) ps.setString(3, channel);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  public void trace(Instance in, String node, String outcome, Map<String, ?> detail, Instant at) throws SQLException {
    Traces.insert(c, in.id(), in.profileId(), in.flowId(), in.version(), node, outcome, detail, at);
  }

  /** The customer's current traits, consent and predictions, for conditions and templates. */
  public Map<String, Object> traits(long profileId) throws SQLException {
    Map<String, Object> out = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT trait, arg_max(value, set_at) FROM trait_history WHERE profile_id = ? GROUP BY trait")) {
      ps.setLong(1, profileId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.put(rs.getString(1), JSON.convertValue(json(rs.getString(2)), Object.class));
      }
    }
    return out;
  }

  public Map<String, Boolean> consent(long profileId) throws SQLException {
    return Consents.of(c, profileId);
  }

  public Map<String, Object> predictions(long profileId) throws SQLException {
    Map<String, Object> out = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT churn_risk, p_alive, clv, expected_purchases, expected_spend, value_segment "
        + "FROM profile_predictions WHERE profile_id = ?")) {
      ps.setLong(1, profileId);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          String[] keys = {"churnRisk", "pAlive", "clv", "expectedPurchases", "expectedSpend", "valueSegment"};
          for (int i = 0; i < keys.length; i++) {
            Object v = rs.getObject(i + 1);
            if (v != null) out.put(keys[i], v);
          }
        }
      }
    }
    return out;
  }

  static JsonNode json(String s) {
    if (s == null) return null;
    try {
      return JSON.readTree(s);
    } catch (java.io.IOException e) {
      throw new StoreException("unreadable JSON in the flow tables: " + e.getMessage(), e);
    }
  }

  static OffsetDateTime ts(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  private long one(String sql) throws SQLException {
    try (var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void update(String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
      ps.executeUpdate();
    }
  }
}
