package io.wayfinder.store.journey;

import io.wayfinder.core.journey.dataset.Column;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

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
}
