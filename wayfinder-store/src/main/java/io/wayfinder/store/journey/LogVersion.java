package io.wayfinder.store.journey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Row counts of the tables the journey index is read from; a loaded index holds the rows below
 * them. The tables are append-only but for profile merges, which rewrite events' profile ids
 * and are logged in {@code identity_merges}; so a count that grew says what was written since,
 * and equal counts say nothing was (checked on every query: a few milliseconds, from DuckDB's
 * statistics).
 *
 * @param maxEventId the largest event id, to notice a log rewritten to the same count
 */
record LogVersion(long events, long maxEventId, long merges, long identities, long traits) {
  static final String EVENTS = "events";
  static final String MERGES = "identity_merges";
  static final String IDENTITIES = "identities";
  static final String TRAITS = "trait_history";

  static LogVersion read(Statement st) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM events), (SELECT coalesce(max(id), 0) FROM events), "
        + "(SELECT count(*) FROM " + MERGES + "), (SELECT count(*) FROM " + IDENTITIES + "), (SELECT count(*) FROM " + TRAITS + ")")) {
      rs.next();
      return new LogVersion(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
    }
  }

  /**
   * Whether every table's row ids are {@code 0..count-1}: then the rows written after this
   * version are exactly those at row ids from its counts on. (A scan of the row ids; at load only.)
   */
  boolean denseRowIds(Statement st) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT (SELECT coalesce(max(rowid), -1) FROM events), (SELECT coalesce(max(rowid), -1) FROM "
        + MERGES + "), (SELECT coalesce(max(rowid), -1) FROM " + IDENTITIES + "), (SELECT coalesce(max(rowid), -1) FROM " + TRAITS + ")")) {
      rs.next();
      return rs.getLong(1) == events - 1 && rs.getLong(2) == merges - 1 && rs.getLong(3) == identities - 1 && rs.getLong(4) == traits - 1;
    }
  }

  /** SQL for "a row this version holds" of a table whose row ids are dense. */
  static String below(long count) {
    return "rowid < " + count;
  }

  /** SQL for "a row written after this version" of a table whose row ids are dense. */
  static String from(long count) {
    return "rowid >= " + count;
  }
}
