package io.wayfinder.store.flow;

import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the API shows about flows: per-node counts, a customer's trace, named secrets, in-app messages. */
public final class FlowQueries {
  /** Outcomes at which an instance moved on from a node. */
  private static final String PASSED = "('entered', 'branch', 'queued', 'skipped', 'resumed', 'timeout', 'elapsed', 'exited')";

  private final Database db;

  public FlowQueries(Database db) {
    this.db = db;
  }

  /** Live counts of one node (of every version of the flow). */
  public record NodeCounts(long entered, long waiting, long passed, long failed, long converted) {}

  /** Per node id: entered (instances that reached it), waiting, passed, failed (dead letters), converted. */
  public Map<String, NodeCounts> counts(String flowId) {
    String sql = """
        WITH reached AS (SELECT DISTINCT t.instance_id, t.node FROM flow_trace t WHERE t.flow_id = ? AND t.node IS NOT NULL),
        passed AS (SELECT node, count(DISTINCT instance_id) n FROM flow_trace WHERE flow_id = ? AND outcome IN %s GROUP BY node),
        waiting AS (SELECT w.node, count(*) n FROM flow_waits w JOIN flow_instances i ON i.id = w.instance_id
                    WHERE i.flow_id = ? GROUP BY w.node),
        failed AS (SELECT node, count(*) n FROM flow_outbox WHERE flow_id = ? AND status = 'dead' GROUP BY node),
        conv AS (SELECT r.node, count(*) n FROM reached r JOIN flow_instances i ON i.id = r.instance_id
                 WHERE i.status = 'converted' GROUP BY r.node)
        SELECT r.node, count(*), coalesce(any_value(w.n), 0), coalesce(any_value(p.n), 0), coalesce(any_value(f.n), 0),
               coalesce(any_value(c.n), 0)
        FROM reached r LEFT JOIN waiting w ON w.node = r.node LEFT JOIN passed p ON p.node = r.node
          LEFT JOIN failed f ON f.node = r.node LEFT JOIN conv c ON c.node = r.node
        GROUP BY r.node ORDER BY r.node""".formatted(PASSED);
    Map<String, NodeCounts> out = new LinkedHashMap<>();
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 1; i <= 4; i++) ps.setString(i, flowId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), new NodeCounts(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count flow " + flowId + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** Instances of a flow by status (running, waiting, converted, exited, done). */
  public Map<String, Long> instancesByStatus(String flowId) {
    Map<String, Long> out = new LinkedHashMap<>();
    try (Connection c = db.connect();
        PreparedStatement ps = c.prepareStatement("SELECT status, count(*) FROM flow_instances WHERE flow_id = ? GROUP BY 1 ORDER BY 1")) {
      ps.setString(1, flowId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count flow " + flowId + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** One step of a trace. */
  public record Step(Instant at, String node, String outcome, Object detail) {}

  /** One instance a customer entered, with its steps. */
  public record InstanceTrace(long instance, String flow, int version, String status, String node, Instant enteredAt,
      Instant endedAt, List<Step> steps) {}

  /** Every flow instance of a profile, oldest first, with every step: why did this happen. */
  public List<InstanceTrace> trace(long profileId) {
    List<InstanceTrace> out = new ArrayList<>();
    try (Connection c = db.connect()) {
      try (PreparedStatement ps = c.prepareStatement("SELECT id, flow_id, version, status, node, epoch_ms(entered_at), "
          + "epoch_ms(ended_at) FROM flow_instances WHERE profile_id = ? ORDER BY entered_at, id")) {
        ps.setLong(1, profileId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            long ended = rs.getLong(7);
            boolean open = rs.wasNull();
            out.add(new InstanceTrace(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                Instant.ofEpochMilli(rs.getLong(6)), open ? null : Instant.ofEpochMilli(ended), new ArrayList<>()));
          }
        }
      }
      Map<Long, InstanceTrace> byId = new LinkedHashMap<>();
      out.forEach(t -> byId.put(t.instance(), t));
      try (PreparedStatement ps = c.prepareStatement("SELECT instance_id, epoch_ms(happened_at), node, outcome, detail FROM flow_trace "
          + "WHERE profile_id = ? ORDER BY happened_at, rowid")) {
        ps.setLong(1, profileId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            InstanceTrace t = byId.get(rs.getLong(1));
            if (t != null) {
              t.steps().add(new Step(Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(4), FlowTx.json(rs.getString(5))));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the flow trace of profile " + profileId + ": " + e.getMessage(), e);
    }
    return out;
  }

  public void putSecret(String name, String value) {
    run("INSERT OR REPLACE INTO flow_secrets VALUES (?, ?)", name, value);
  }

  public Optional<String> secret(String name) {
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT value FROM flow_secrets WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read secret: " + e.getMessage(), e);
    }
  }

  /** An in-app message for a customer. */
  public record Message(String id, String title, String body, String link, Instant createdAt, Instant expiresAt) {}

  public void addMessage(String key, long profileId, String customerId, String title, String body, String link, Instant at,
      Instant expiresAt) {
    run("INSERT INTO flow_messages VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", key, profileId, customerId, title, body,
        link, FlowTx.ts(at), expiresAt == null ? null : FlowTx.ts(expiresAt));
  }

  /** The customer's messages that have not expired, newest first. */
  public List<Message> messages(String customerId, Instant now) {
    List<Message> out = new ArrayList<>();
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT idem_key, title, body, link, "
        + "epoch_ms(created_at), epoch_ms(expires_at) FROM flow_messages WHERE customer_id = ? "
        + "AND (expires_at IS NULL OR expires_at > ?) ORDER BY created_at DESC")) {
      ps.setString(1, customerId);
      ps.setObject(2, FlowTx.ts(now));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long exp = rs.getLong(6);
          boolean never = rs.wasNull();
          out.add(new Message(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              Instant.ofEpochMilli(rs.getLong(5)), never ? null : Instant.ofEpochMilli(exp)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read messages: " + e.getMessage(), e);
    }
    return out;
  }

  /** Whether {@code customerId} is the profile's user id (else it is an anonymous id). */
  public boolean isUserId(long profileId, String customerId) {
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
        "SELECT 1 FROM identities WHERE profile_id = ? AND kind = 'user_id' AND value = ? LIMIT 1")) {
      ps.setLong(1, profileId);
      ps.setString(2, customerId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read identities: " + e.getMessage(), e);
    }
  }

  private void run(String sql, Object... args) {
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot write flow data: " + e.getMessage(), e);
    }
  }
}
