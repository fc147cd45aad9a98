package io.wayfinder.store.flow;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Actions waiting to be delivered, with their attempts; those that failed their last attempt stay
 * here as dead letters until replayed. Every state change writes a trace row in the same
 * transaction.
 */
public final class Outbox {
  private final Database db;

  public Outbox(Database db) {
    this.db = db;
  }

  /**
   * One action. {@code idempotencyKey} is {@code flowId:version:instanceId:nodeId}, so the same
   * step of the same instance can only be queued once; receivers see it as the
   * {@code Idempotency-Key} header.
   */
  public record Item(String idempotencyKey, long instanceId, String flowId, int version, String node, long profileId,
      String kind, String channel, String destination, JsonNode payload, String status, int attempts,
      Instant nextAttemptAt, String lastError, Instant createdAt, Instant deliveredAt) {

    public static String key(String flowId, int version, long instanceId, String node) {
      return flowId + ":" + version + ":" + instanceId + ":" + node;
    }
  }

  private static final String COLUMNS = "idem_key, instance_id, flow_id, version, node, profile_id, kind, channel, destination, "
      + "payload, status, attempts, epoch_ms(next_attempt_at), last_error, epoch_ms(created_at), epoch_ms(delivered_at)";

  /** Pending actions whose next attempt is due, oldest first. */
  public List<Item> due(Instant now, int limit) {
    return query("WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, created_at LIMIT " + limit,
        FlowTx.ts(now));
  }

  /** The dead letters, newest first. */
  public List<Item> deadLetters() {
    return query("WHERE status = 'dead' ORDER BY delivered_at DESC NULLS LAST, created_at DESC LIMIT ?", 10_000);
  }

  public Optional<Item> find(String key) {
    List<Item> l = query("WHERE idem_key = ?", key);
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
  }

  /** Every action of one instance, oldest first. */
  public List<Item> ofInstance(long instanceId) {
    return query("WHERE instance_id = ? ORDER BY created_at, idem_key", instanceId);
  }

  public void delivered(Item it, Instant at, Map<String, ?> detail) {
    change(it, "delivered", it.attempts() + 1, at, null, at, "delivered", detail);
  }

  /** A failed attempt with more to come at {@code next}. */
  public void retry(Item it, Instant next, String error, Instant at) {
    change(it, "pending", it.attempts() + 1, next, error, null, "retry",
        Map.of("attempt", it.attempts() + 1, "error", error, "nextAttemptAt", next.toString()));
  }

  /** The last attempt failed: a dead letter. */
  public void dead(Item it, String error, Instant at) {
    change(it, "dead", it.attempts() + 1, at, error, null, "dead", Map.of("attempt", it.attempts() + 1, "error", error));
  }

  /** Not delivered on purpose (consent withdrawn since it was queued). */
  public void skipped(Item it, String reason, Instant at) {
    change(it, "skipped", it.attempts(), at, reason, null, "skipped", Map.of("reason", reason));
  }

  /** Puts a dead letter back in line for a fresh series of attempts; false when it is not dead. */
  public boolean replay(String key, Instant at) {
    Optional<Item> it = find(key);
    if (it.isEmpty() || !it.get().status().equals("dead")) return false;
    change(it.get(), "pending", 0, at, it.get().lastError(), null, "replayed", Map.of("after", it.get().attempts() + " attempts"));
    return true;
  }

  private void change(Item it, String status, int attempts, Instant next, String error, Instant deliveredAt, String outcome,
      Map<String, ?> detail) {
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("UPDATE flow_outbox SET status = ?, attempts = ?, next_attempt_at = ?, "
          + "last_error = ?, delivered_at = ? WHERE idem_key = ?")) {
        ps.setString(1, status);
        ps.setInt(2, attempts);
        ps.setObject(3, FlowTx.ts(next));
        ps.setString(4, error);
        ps.setObject(5, deliveredAt == null ? null : FlowTx.ts(deliveredAt));
        ps.setString(6, it.idempotencyKey());
        ps.executeUpdate();
        Traces.insert(c, it.instanceId(), it.profileId(), it.flowId(), it.version(), it.node(), outcome, detail, Instant.now());
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot record the delivery of " + it.idempotencyKey() + ": " + e.getMessage(), e);
    }
  }

  /** The customer's current consent, read again at delivery. */
  public boolean consentWithdrawn(long profileId) {
    try (Connection c = db.connect()) {
      return Consents.withdrawn(Consents.of(c, profileId));
    } catch (SQLException e) {
      throw new StoreException("cannot read consent: " + e.getMessage(), e);
    }
  }

  private List<Item> query(String where, Object arg) {
    List<Item> out = new ArrayList<>();
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM flow_outbox " + where)) {
      ps.setObject(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long delivered = rs.getLong(16);
          boolean none = rs.wasNull();
          out.add(new Item(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getLong(6),
              rs.getString(7), rs.getString(8), rs.getString(9), FlowTx.json(rs.getString(10)), rs.getString(11), rs.getInt(12),
              Instant.ofEpochMilli(rs.getLong(13)), rs.getString(14), Instant.ofEpochMilli(rs.getLong(15)),
              none ? null : Instant.ofEpochMilli(delivered)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the outbox: " + e.getMessage(), e);
    }
    return out;
  }
}
