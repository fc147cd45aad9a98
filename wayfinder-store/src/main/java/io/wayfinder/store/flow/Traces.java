package io.wayfinder.store.flow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/** Writes trace rows: what happened to an instance at a node and why. */
final class Traces {
  static void insert(Connection c, long instanceId, long profileId, String flowId, int version, String node, String outcome,
      Map<String, ?> detail, Instant at) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO flow_trace VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, instanceId);
      ps.setLong(2, profileId);
      ps.setString(3, flowId);
      ps.setInt(4, version);
      ps.setString(5, node);
      ps.setString(6, outcome);
      ps.setString(7, detail == null ? null : FlowTx.JSON.valueToTree(detail).toString());
      ps.setObject(8, FlowTx.ts(at));
      ps.executeUpdate();
    }
  }

  private Traces() {}
}
