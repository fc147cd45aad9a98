package io.wayfinder.store.collect;

import io.wayfinder.core.identity.Identity;
import io.wayfinder.core.identity.IdentityGraph;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Loads what the writer keeps in memory (identity graph, message ids, next ids) from the store. */
final class IdentityState {
  final IdentityGraph graph = new IdentityGraph();
  final MessageIdSet messageIds = new MessageIdSet();
  long lastEventId;
  /** SHA-256 of each suppressed identifier ({@link io.wayfinder.core.privacy.SubjectHash}). */
  final java.util.Set<String> suppressed = new java.util.HashSet<>();
  /** Set when a bulk job created identities in SQL only: reload before the next write. */
  boolean stale;

  static IdentityState load(Connection c) throws SQLException {
    IdentityState s = new IdentityState();
    try (Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT kind, value, profile_id FROM identities")) {
        while (rs.next()) s.graph.restoreLink(new Identity(rs.getString(1), rs.getString(2)), rs.getLong(3));
      }
      try (ResultSet rs = st.executeQuery(
          "SELECT from_profile, into_profile FROM identity_merges WHERE status = 'merged' ORDER BY merged_at")) {
        while (rs.next()) s.graph.restoreMerge(rs.getLong(1), rs.getLong(2));
      }
      try (ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM profiles")) {
        rs.next();
        s.graph.reserveUpTo(rs.getLong(1));
      }
      try (ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM events")) {
        rs.next();
        s.lastEventId = rs.getLong(1);
      }
      // erasure may have deleted the newest ids: never give them out again
      try (ResultSet rs = st.executeQuery("SELECT max(last_event_id), max(last_profile_id) FROM id_floor")) {
        rs.next();
        s.lastEventId = Math.max(s.lastEventId, rs.getLong(1));
        s.graph.reserveUpTo(rs.getLong(2));
      }
      try (ResultSet rs = st.executeQuery("SELECT hash FROM suppressions")) {
        while (rs.next()) s.suppressed.add(rs.getString(1));
      }
      try (ResultSet rs = st.executeQuery("SELECT message_id FROM events WHERE message_id IS NOT NULL")) {
        while (rs.next()) s.messageIds.add(rs.getString(1));
      }
    }
    return s;
  }
}
