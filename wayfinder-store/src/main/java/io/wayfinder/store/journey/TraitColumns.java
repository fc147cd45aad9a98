package io.wayfinder.store.journey;

import io.wayfinder.core.journey.dataset.Column;
import io.wayfinder.core.journey.dataset.ColumnChange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Customers' current scalar traits as per-case columns, for segments: per profile and trait the
 * latest write (by time, then by write order, so equal times give one answer). Dictionaries are
 * sorted, so a refreshed column equals a freshly loaded one.
 */
final class TraitColumns {
  private TraitColumns() {}

  /** One profile's current value of one trait. */
  private interface Sink {
    void accept(long profile, String trait, String value);
  }

  private static void read(Statement st, String filter, Sink sink) throws SQLException {
    String sql = "SELECT profile_id, trait, v->>'$' FROM (SELECT profile_id, trait, arg_max(value, (set_at, rowid)) AS v "
        + "FROM trait_history WHERE " + filter + " GROUP BY ALL) WHERE json_type(v) IN ('VARCHAR', 'BIGINT', 'UBIGINT', 'DOUBLE', 'BOOLEAN')";
    try (ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) sink.accept(rs.getLong(1), rs.getString(2), rs.getString(3));
    }
  }

  /** The columns per case of {@code cases} (profile ids, ascending) from the trait rows matching {@code filter}. */
  static Map<String, Column> read(Statement st, String filter, long[] cases) throws SQLException {
    Map<String, String[]> byTrait = new HashMap<>();
    read(st, filter, (profile, trait, value) -> {
      int c = Arrays.binarySearch(cases, profile);
      if (c >= 0) byTrait.computeIfAbsent(trait, t -> new String[cases.length])[c] = value;
    });
    Map<String, Column> out = new HashMap<>();
    byTrait.forEach((t, values) -> out.put(t, SortedDictionary.encode(values)));
    return out;
  }

  /** The current traits of the profiles whose trait rows match {@code filter}: profile → trait → value. */
  static Map<Long, Map<String, String>> byProfile(Statement st, String filter) throws SQLException {
    Map<Long, Map<String, String>> out = new HashMap<>();
    read(st, filter, (profile, trait, value) -> out.computeIfAbsent(profile, p -> new HashMap<>()).put(trait, value));
    return out;
  }

  /**
   * The columns after a refresh: a case whose profile's traits were read again takes those (a
   * trait it no longer has is gone), every other case keeps its old case's values.
   *
   * @param ownOld per new case the old case of the same profile, or -1 for a new customer
   * @param reread per new case whose traits were read again, those traits
   */
  static Map<String, Column> updated(Map<String, Column> old, int[] ownOld, Map<Integer, Map<String, String>> reread) {
    Set<String> keys = new HashSet<>(old.keySet());
    reread.values().forEach(t -> keys.addAll(t.keySet()));
    int[] rereadCases = reread.keySet().stream().mapToInt(Integer::intValue).toArray();
    Map<String, Column> out = new HashMap<>();
    for (String key : keys) {
      Column before = old.get(key);
      String[] added = new String[rereadCases.length];
      for (int j = 0; j < added.length; j++) added[j] = reread.get(rereadCases[j]).get(key);
      ColumnChange grown = SortedDictionary.grow(before != null ? before : Column.empty(0), added);
      int[] codes = new int[ownOld.length];
      for (int c = 0; c < codes.length; c++) {
        int v = before == null || ownOld[c] < 0 ? -1 : before.code(ownOld[c]);
        codes[c] = v < 0 || grown.recode() == null ? v : grown.recode()[v];
      }
      for (int j = 0; j < rereadCases.length; j++) codes[rereadCases[j]] = grown.appended()[j];
      Column col = SortedDictionary.withoutUnused(grown.values(), codes);
      if (col != null) out.put(key, col);
    }
    return out;
  }
}
