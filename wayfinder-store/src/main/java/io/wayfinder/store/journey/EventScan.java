package io.wayfinder.store.journey;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Reads the per-event columns of load positions {@code [from, to)} straight into the shared
 * arrays: the profile (as an offset {@code profile_id - minProfile} into {@code caseOf} when ids
 * are compact, else the id into {@code profileOf}), time in epoch microseconds and one
 * dictionary code per text column (DuckDB's {@code enum_code}). Several scans over disjoint
 * ranges run on their own connections at once.
 *
 * @param codeExprs the SQL of each code column, {@code -1} for no value
 * @param profileOf per event its profile id; null when ids are compact
 */
record EventScan(EventRows rows, List<String> codeExprs, int[] caseOf, long[] profileOf, long[] micros, int[][] codes) {

  void read(Connection c, int from, int to) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT ");
    boolean compact = rows.compactProfiles();
    sql.append(compact ? "CAST(profile_id - " + rows.minProfile() + " AS INTEGER)" : "profile_id").append(", epoch_us(ts)");
    for (String e : codeExprs) sql.append(", ").append(e);
    sql.append(" FROM events");
    // a range of a dense table is a row id range, which DuckDB's scan skips to
    if (rows.denseRowIds()) sql.append(" WHERE rowid >= ").append(from).append(" AND rowid < ").append(to);
    try (Statement st = c.createStatement()) {
      st.execute("SET preserve_insertion_order = true");
      try (ResultSet rs = st.executeQuery(sql.toString())) {
        int i = from;
        int k = codes.length;
        while (rs.next()) {
          if (i == to) throw new LoadRaced("events changed while loading: more than " + (to - from) + " rows");
          if (compact) caseOf[i] = rs.getInt(1);
          else profileOf[i] = rs.getLong(1);
          micros[i] = rs.getLong(2);
          for (int j = 0; j < k; j++) codes[j][i] = rs.getInt(3 + j);
          i++;
        }
        if (i != to) throw new LoadRaced("events changed while loading: expected " + (to - from) + " rows, read " + (i - from));
      }
    }
  }
}
