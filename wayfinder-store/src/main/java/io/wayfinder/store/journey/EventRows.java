package io.wayfinder.store.journey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The events table's row count, profile id range and whether its row ids are exactly
 * {@code 0..count-1}. Then a row's load position is its row id, so row-id ranges can be read by
 * several connections at once, and a filtered query can say where its rows belong.
 *
 * @param compactProfiles profile ids span few enough values that {@code profile_id - minProfile}
 *     indexes an array (no hash lookup per event)
 */
record EventRows(int count, boolean denseRowIds, long minProfile, long maxProfile, boolean compactProfiles) {
  /** Beyond this many unused ids per event, an id-indexed array wastes more than a hash map. */
  private static final long SPARSENESS = 4;

  static EventRows of(Statement st) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT count(*), min(rowid), max(rowid), min(profile_id), max(profile_id) FROM events")) {
      rs.next();
      long n = rs.getLong(1);
      if (n > Integer.MAX_VALUE - 8) throw new IllegalStateException("more than 2^31 events do not fit one journey index");
      boolean dense = n == 0 || (rs.getLong(2) == 0 && rs.getLong(3) == n - 1);
      long min = rs.getLong(4);
      long max = rs.getLong(5);
      boolean compact = n > 0 && max - min < Integer.MAX_VALUE - 8 && max - min <= SPARSENESS * n + 1024;
      return new EventRows((int) n, dense, min, max, compact);
    }
  }

  /**
   * SQL for "a row this load reads": the rows below the count when row ids are dense, so a row
   * appended while loading waits for the next refresh; else every row.
   */
  String loaded() {
    return denseRowIds ? LogVersion.below(count) : "true";
  }

  /** SQL for a row's load position: its row id when dense, else its rank by row id. */
  String positionSql() {
    return denseRowIds ? "rowid" : "row_number() OVER (ORDER BY rowid) - 1";
  }
}
