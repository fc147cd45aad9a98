package io.wayfinder.store.journey;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The cases (customers) of the events table in profile id order: each named by its user id when it
 * has one, from the small identities table rather than a string aggregate over every event. Case
 * codes by profile id come from an id-indexed array when ids are compact, else a hash map.
 */
final class CaseNames {
  final String[] names;
  private final EventRows rows;
  private final int[] byOffset;
  private final Long2IntOpenHashMap byId;

  private CaseNames(String[] names, EventRows rows, int[] byOffset, Long2IntOpenHashMap byId) {
    this.names = names;
    this.rows = rows;
    this.byOffset = byOffset;
    this.byId = byId;
  }

  static CaseNames read(Connection c, EventRows rows) throws SQLException {
    List<String> names = new ArrayList<>();
    int[] byOffset = rows.compactProfiles() ? new int[(int) (rows.maxProfile() - rows.minProfile() + 1)] : null;
    Long2IntOpenHashMap byId = byOffset == null ? new Long2IntOpenHashMap() : null;
    if (byId != null) byId.defaultReturnValue(-1);
    else java.util.Arrays.fill(byOffset, -1);
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT p.profile_id, coalesce(min(i.value), CAST(p.profile_id AS VARCHAR)) "
            + "FROM (SELECT DISTINCT profile_id FROM events) p LEFT JOIN identities i "
            + "ON i.profile_id = p.profile_id AND i.kind = 'user_id' GROUP BY p.profile_id ORDER BY p.profile_id")) {
      while (rs.next()) {
        long id = rs.getLong(1);
        if (byId != null) byId.put(id, names.size());
        else byOffset[(int) (id - rows.minProfile())] = names.size();
        names.add(rs.getString(2));
      }
    }
    return new CaseNames(names.toArray(String[]::new), rows, byOffset, byId);
  }

  /** The case code of profile {@code id}, or -1 when no event has it. */
  int code(long id) {
    if (byId != null) return byId.get(id);
    long k = id - rows.minProfile();
    return k < 0 || k >= byOffset.length ? -1 : byOffset[(int) k];
  }

  /** Turns profile id offsets ({@code profile_id - minProfile}, as the compact scan reads them) into case codes in place. */
  void codeOffsets(int[] caseOf) {
    for (int i = 0; i < caseOf.length; i++) caseOf[i] = byOffset[caseOf[i]];
  }
}
