package io.wayfinder.server.privacy;

import io.wayfinder.server.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** Direct DuckDB queries on a test server's store: the independent side of the privacy tests' checks. */
final class Sql {
  private Sql() {}

  /** The first column of the first row of {@code query} as a long. */
  static long one(TestServer t, String query) throws Exception {
    try (Connection c = t.server.database().connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
