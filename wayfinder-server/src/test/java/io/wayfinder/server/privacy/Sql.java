package io.wayfinder.server.privacy;

import io.wayfinder.server.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** Direct DuckDB queries on a test server's store: the independent side of the privacy tests' checks. */
final class Sql {
  private Sql() {}

  /** Imports a CSV (columns case, activity, timestamp, ...) through {@code POST /api/imports} with extra query parameters. */
  static void importCsv(TestServer t, String name, String extraQuery, String csv) throws Exception {
    java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(t.base + "/api/imports?filename=" + name + "&format=csv&case=case&activity=activity&timestamp=timestamp"
                + extraQuery))
        .header("Authorization", "Bearer test-admin-token").POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    org.assertj.core.api.Assertions.assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  /** The first column of the first row of {@code query} as a long. */
  static long one(TestServer t, String query) throws Exception {
    try (Connection c = t.server.database().connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
