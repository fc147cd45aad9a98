package io.wayfinder.store.journey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a customer (case) is called: the user id of its profile (the least, when merges gave it
 * several), else the profile number. Read from the small identities table rather than from the
 * events.
 */
final class CustomerNames {
  private final long[] profiles;
  private final String[] userIds;

  private CustomerNames(long[] profiles, String[] userIds) {
    this.profiles = profiles;
    this.userIds = userIds;
  }

  /** The user ids of the profiles matching {@code filter} (SQL over the identities table). */
  static CustomerNames read(Statement st, String filter) throws SQLException {
    List<String> ids = new ArrayList<>();
    long[] profiles = new long[1024];
    try (ResultSet rs = st.executeQuery("SELECT profile_id, min(value) FROM identities WHERE kind = 'user_id' AND ("
        + filter + ") GROUP BY profile_id ORDER BY profile_id")) {
      while (rs.next()) {
        if (ids.size() == profiles.length) profiles = Arrays.copyOf(profiles, profiles.length * 2);
        profiles[ids.size()] = rs.getLong(1);
        ids.add(rs.getString(2));
      }
    }
    return new CustomerNames(Arrays.copyOf(profiles, ids.size()), ids.toArray(String[]::new));
  }

  /** The name of profile {@code id}. */
  String nameOf(long id) {
    int k = Arrays.binarySearch(profiles, id);
    return k >= 0 ? userIds[k] : Long.toString(id);
  }
}
