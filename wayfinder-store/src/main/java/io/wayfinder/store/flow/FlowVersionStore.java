package io.wayfinder.store.flow;

import io.wayfinder.core.act.flow.FlowCatalogue;
import io.wayfinder.core.act.flow.FlowDefinition;
import io.wayfinder.core.act.flow.FlowReader;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Flow definitions, every version kept. Loading stores a version unpublished; publishing makes it
 * the one new customers enter, while instances already running stay on the version they entered.
 */
public final class FlowVersionStore {
  private final Database db;

  public FlowVersionStore(Database db) {
    this.db = db;
  }

  /** A stored version; {@code publishedAt} null while it is a draft. */
  public record StoredFlow(FlowDefinition definition, Instant loadedAt, Instant publishedAt) {
    public String id() {
      return definition.id();
    }

    public int version() {
      return definition.version();
    }
  }

  /**
   * Stores a validated definition. A version already published is immutable (an error);
   * a draft of the same version is replaced.
   */
  public StoredFlow load(FlowDefinition d) {
    try (Connection c = db.connect()) {
      Optional<StoredFlow> old = find(c, d.id(), d.version());
      if (old.isPresent() && old.get().publishedAt() != null) {
        throw new IllegalArgumentException("version: flow '" + d.id() + "' version " + d.version()
            + " is published and cannot change; load it as version " + (latestVersion(c, d.id()) + 1));
      }
      try (PreparedStatement del = c.prepareStatement("DELETE FROM flow_versions WHERE flow_id = ? AND version = ?")) {
        del.setString(1, d.id());
        del.setInt(2, d.version());
        del.executeUpdate();
      }
      Instant now = Instant.now();
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO flow_versions VALUES (?, ?, ?, ?, NULL)")) {
        ps.setString(1, d.id());
        ps.setInt(2, d.version());
        ps.setString(3, FlowReader.toJson(d));
        ps.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        ps.executeUpdate();
      }
      return new StoredFlow(d, now, null);
    } catch (SQLException e) {
      throw new StoreException("cannot store flow " + d.id() + ": " + e.getMessage(), e);
    }
  }

  /** Publishes a version (default: the newest); returns it, or empty when there is no such version. */
  public Optional<StoredFlow> publish(String flowId, Integer version) {
    try (Connection c = db.connect()) {
      int v = version != null ? version : latestVersion(c, flowId);
      Optional<StoredFlow> f = find(c, flowId, v);
      if (f.isEmpty() || f.get().publishedAt() != null) return f;
      Instant now = Instant.now();
      try (PreparedStatement ps = c.prepareStatement("UPDATE flow_versions SET published_at = ? WHERE flow_id = ? AND version = ?")) {
        ps.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        ps.setString(2, flowId);
        ps.setInt(3, v);
        ps.executeUpdate();
      }
      return Optional.of(new StoredFlow(f.get().definition(), f.get().loadedAt(), now));
    } catch (SQLException e) {
      throw new StoreException("cannot publish flow " + flowId + ": " + e.getMessage(), e);
    }
  }

  /** Every stored version, by flow id then version. */
  public List<StoredFlow> list() {
    return query("SELECT definition, epoch_ms(loaded_at), epoch_ms(published_at) FROM flow_versions ORDER BY flow_id, version");
  }

  /** For each flow, its newest published version: the one new customers enter. */
  public List<FlowDefinition> live() {
    return query("SELECT arg_max(definition, version), 0, 0 FROM flow_versions WHERE published_at IS NOT NULL "
        + "GROUP BY flow_id ORDER BY flow_id").stream().map(StoredFlow::definition).toList();
  }

  /** The versions of one flow, oldest first. */
  public List<StoredFlow> versions(String flowId) {
    return list().stream().filter(f -> f.id().equals(flowId)).toList();
  }

  /** One version, for instances that entered it. */
  public Optional<FlowDefinition> version(String flowId, int version) {
    try (Connection c = db.connect()) {
      return find(c, flowId, version).map(StoredFlow::definition);
    } catch (SQLException e) {
      throw new StoreException("cannot read flow " + flowId + ": " + e.getMessage(), e);
    }
  }

  /**
   * The names seen in the store: event names with their property keys, and trait names. Empty
   * store: {@link FlowCatalogue#OPEN}, as there is nothing to check names against yet.
   */
  public FlowCatalogue catalogue() {
    Map<String, Set<String>> props = new HashMap<>();
    Set<String> traits = new HashSet<>();
    try (Connection c = db.connect(); var st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT name, list_distinct(flatten(list(coalesce(json_keys(properties), [])))) "
          + "FROM events WHERE name IS NOT NULL GROUP BY name")) {
        while (rs.next()) {
          Set<String> keys = new HashSet<>();
          Object[] arr = (Object[]) rs.getArray(2).getArray();
          for (Object k : arr) keys.add(String.valueOf(k));
          props.put(rs.getString(1), keys);
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT DISTINCT trait FROM trait_history")) {
        while (rs.next()) traits.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the names of events and traits: " + e.getMessage(), e);
    }
    if (props.isEmpty()) return FlowCatalogue.OPEN;
    return new FlowCatalogue(props.keySet(), props, traits);
  }

  private List<StoredFlow> query(String sql) {
    List<StoredFlow> out = new ArrayList<>();
    try (Connection c = db.connect(); var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) out.add(row(rs));
    } catch (SQLException e) {
      throw new StoreException("cannot read flows: " + e.getMessage(), e);
    }
    return out;
  }

  private static StoredFlow row(ResultSet rs) throws SQLException {
    long published = rs.getLong(3);
    boolean draft = rs.wasNull();
    return new StoredFlow(FlowReader.readJson(rs.getString(1), FlowCatalogue.OPEN), Instant.ofEpochMilli(rs.getLong(2)),
        draft ? null : Instant.ofEpochMilli(published));
  }

  private static Optional<StoredFlow> find(Connection c, String flowId, int version) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT definition, epoch_ms(loaded_at), epoch_ms(published_at) "
        + "FROM flow_versions WHERE flow_id = ? AND version = ?")) {
      ps.setString(1, flowId);
      ps.setInt(2, version);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
  }

  private static int latestVersion(Connection c, String flowId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(version), 0) FROM flow_versions WHERE flow_id = ?")) {
      ps.setString(1, flowId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
