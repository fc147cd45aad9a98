package io.wayfinder.store.journey;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What was written to the store since a loaded index's version, read in one transaction (one
 * snapshot): the appended events, the profile merges in the order they were applied, and the
 * current names and traits of every profile these touch (a profile with new events, a merge's
 * surviving profile, one with a new identity or trait write).
 *
 * @param merges per merge since, in order: {@code {from, into}} profile ids
 * @param touched the touched profiles, ascending
 */
record LogDelta(LogVersion version, AppendedEvents events, List<long[]> merges, long[] touched, CustomerNames names,
    Map<Long, Map<String, String>> traits) {

  /**
   * The delta since {@code loaded}; null when the tables changed otherwise than by appends (rows
   * removed or rewritten, row ids not dense) or more than {@code maxAppended} events came: then
   * only a full load gives the right index, or a cheaper one.
   */
  static LogDelta read(Connection c, LoadedIndex loaded, long maxAppended) throws SQLException {
    LogVersion was = loaded.version();
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      LogVersion now = LogVersion.read(st);
      long appended = now.events() - was.events();
      if (!loaded.appendable() || appended > maxAppended || !onlyAppended(st, was, now)) return null;
      String touchedSql = "SELECT profile_id FROM events WHERE " + LogVersion.from(was.events())
          + " UNION SELECT into_profile FROM " + LogVersion.MERGES + " WHERE status = 'merged' AND " + LogVersion.from(was.merges())
          + " UNION SELECT profile_id FROM " + LogVersion.IDENTITIES + " WHERE " + LogVersion.from(was.identities())
          + " UNION SELECT profile_id FROM " + LogVersion.TRAITS + " WHERE " + LogVersion.from(was.traits());
      List<long[]> merges = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("SELECT from_profile, into_profile FROM " + LogVersion.MERGES
          + " WHERE status = 'merged' AND " + LogVersion.from(was.merges()) + " ORDER BY rowid")) {
        while (rs.next()) merges.add(new long[] {rs.getLong(1), rs.getLong(2)});
      }
      List<Long> touched = new ArrayList<>();
      try (ResultSet rs = st.executeQuery(touchedSql + " ORDER BY 1")) {
        while (rs.next()) touched.add(rs.getLong(1));
      }
      String ofTouched = "profile_id IN (" + touchedSql + ")";
      return new LogDelta(now, AppendedEvents.read(st, was.events(), (int) appended, loaded.keys().stream().sorted().toList()),
          merges, touched.stream().mapToLong(Long::longValue).toArray(), CustomerNames.read(st, ofTouched),
          TraitColumns.byProfile(st, ofTouched));
    } finally {
      c.rollback();
      c.setAutoCommit(true);
    }
  }

  /**
   * Whether each table's rows beyond the old count are exactly the rows written since (row ids
   * old count .. new count - 1: nothing removed), and the new events have new ids.
   */
  private static boolean onlyAppended(Statement st, LogVersion was, LogVersion now) throws SQLException {
    if (now.events() == was.events() && now.maxEventId() != was.maxEventId()) return false;
    return appendedRows(st, LogVersion.EVENTS, was.events(), now.events(), was.maxEventId())
        && appendedRows(st, LogVersion.MERGES, was.merges(), now.merges(), Long.MIN_VALUE)
        && appendedRows(st, LogVersion.IDENTITIES, was.identities(), now.identities(), Long.MIN_VALUE)
        && appendedRows(st, LogVersion.TRAITS, was.traits(), now.traits(), Long.MIN_VALUE);
  }

  private static boolean appendedRows(Statement st, String table, long was, long now, long idsAbove) throws SQLException {
    String ids = idsAbove == Long.MIN_VALUE ? "NULL" : "min(id)";
    try (ResultSet rs = st.executeQuery("SELECT count(*), min(rowid), max(rowid), " + ids + " FROM " + table
        + " WHERE " + LogVersion.from(was))) {
      rs.next();
      long count = rs.getLong(1);
      if (count != now - was) return false;
      if (count == 0) return true;
      return rs.getLong(2) == was && rs.getLong(3) == now - 1 && (idsAbove == Long.MIN_VALUE || rs.getLong(4) > idsAbove);
    }
  }
}
