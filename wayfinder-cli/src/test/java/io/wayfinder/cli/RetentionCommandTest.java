package io.wayfinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.server.ServerConfig;
import io.wayfinder.server.WayfinderServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wayfinder retention} through a running server and on a data directory: the same report,
 * whose cells equal a direct DuckDB SQL count over the store; bad options fail naming the field.
 */
class RetentionCommandTest {
  @TempDir Path dir;

  @Test
  void retentionThroughAServerEqualsSqlAndTheDataDirectoryAnswersTheSame() throws Exception {
    Path data = dir.resolve("data");
    String[] query = {"retention", "--period", "day", "--cohort-by", "month", "--periods", "10", "--returning", "decide", "--json"};
    JsonNode remote;
    try (WayfinderServer server = WayfinderServer.start(new ServerConfig("127.0.0.1", 0, data, "cli-test-token"))) {
      String url = "http://127.0.0.1:" + server.port();
      CliRun imported = CliRun.of("import", SharedData.path("data/eventlogs/running-example.csv").toString(),
          "--server", url, "--token", "cli-test-token", "--json");
      assertThat(imported.exit()).as(imported.err()).isZero();
      CliRun r = CliRun.of(with(query, "--server", url, "--token", "cli-test-token"));
      assertThat(r.exit()).as(r.err()).isZero();
      remote = Json.MAPPER.readTree(r.out());
      try (Connection c = server.database().connect(); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("WITH e AS (SELECT profile_id AS p, name, CAST(ts AT TIME ZONE 'UTC' AS DATE) AS d, "
              + "row_number() OVER (PARTITION BY profile_id ORDER BY ts, id) AS k FROM events), "
              + "f AS (SELECT p, d AS first FROM e WHERE k = 1), last AS (SELECT max(d) AS d FROM e), "
              + "n AS (SELECT range AS n FROM range(0, 11)) "
              + "SELECT n, count(*) FILTER (WHERE last.d - f.first >= n), count(*) FILTER (WHERE last.d - f.first >= n AND EXISTS "
              + "(SELECT 1 FROM e WHERE e.p = f.p AND e.k > 1 AND e.name = 'decide' AND e.d - f.first = n)) FROM f, last, n GROUP BY n ORDER BY n")) {
        int cells = 0;
        while (rs.next()) {
          JsonNode cell = remote.path("all").path("cells").get(rs.getInt(1));
          assertThat(cell.path("eligible").asInt()).isEqualTo(rs.getInt(2));
          assertThat(cell.path("returned").asInt()).isEqualTo(rs.getInt(3));
          cells++;
        }
        assertThat(cells).isEqualTo(11);
      }
      assertThat(remote.path("customers").asInt()).isEqualTo(6);
      assertThat(remote.path("all").path("cells").findValues("returned").stream().mapToInt(JsonNode::asInt).sum()).isPositive();
    }
    CliRun local = CliRun.of(with(query, "--data", data.toString()));
    assertThat(local.exit()).as(local.err()).isZero();
    assertThat(Json.MAPPER.readTree(local.out()).path("rows")).isEqualTo(remote.path("rows"));
    CliRun text = CliRun.of("retention", "--period", "day", "--periods", "3", "--data", data.toString());
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).contains("6 customers").contains("d0").contains("d3").containsPattern("(?m)^all +6 ");
  }

  @Test
  void onTheCdnowTransactionFileTheMonthlyTriangleEqualsSql() throws Exception {
    Path file = SharedData.path("data/cdnow/CDNOW_master.txt");
    CliRun r = CliRun.of("retention", "--transactions", file.toString(), "--format", "cdnow", "--period", "month", "--periods", "18", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode rep = Json.MAPPER.readTree(r.out());
    assertThat(rep.path("customers").asInt()).isEqualTo(23_570);
    try (Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE p (c VARCHAR, d DATE)");
      try (var ps = c.prepareStatement("INSERT INTO p VALUES (?, ?)")) {
        java.util.List<String> lines = java.nio.file.Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
          String[] f = line.strip().split("\\s+");
          ps.setString(1, f[0]);
          ps.setObject(2, java.time.LocalDate.parse(f[1], java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      String mo = "(year(%2$s) * 12 + month(%2$s)) - (year(%1$s) * 12 + month(%1$s))";
      try (ResultSet rs = st.executeQuery("WITH e AS (SELECT c, d, row_number() OVER (PARTITION BY c ORDER BY d) AS k FROM p), "
          + "f AS (SELECT c, d AS first FROM e WHERE k = 1), "
          + "back AS (SELECT DISTINCT e.c, " + String.format(mo, "f.first", "e.d") + " AS o FROM e JOIN f USING (c) WHERE e.k > 1), "
          + "cust AS (SELECT f.c, strftime(f.first, '%Y-%m') AS cohort, " + String.format(mo, "f.first", "(SELECT max(d) FROM p)") + " AS seen FROM f) "
          + "SELECT cohort, n, count(*) FILTER (WHERE seen >= n), count(*) FILTER (WHERE seen >= n AND EXISTS "
          + "(SELECT 1 FROM back b WHERE b.c = cust.c AND b.o = n)) FROM cust, range(0, 19) r(n) GROUP BY cohort, n")) {
        int cells = 0;
        while (rs.next()) {
          JsonNode row = null;
          for (JsonNode x : rep.path("rows")) if (x.path("group").asText().equals(rs.getString(1))) row = x;
          assertThat(row).as(rs.getString(1)).isNotNull();
          JsonNode cell = row.path("cells").get(rs.getInt(2));
          assertThat(cell.path("eligible").asInt()).isEqualTo(rs.getInt(3));
          assertThat(cell.path("returned").asInt()).isEqualTo(rs.getInt(4));
          cells++;
        }
        assertThat(cells).isEqualTo(3 * 19);
      }
    }
  }

  @Test
  void badOptionsFailNamingTheField() {
    Path data = dir.resolve("empty");
    // an empty store: a missing data directory is refused before any option is read (CommandOutputTest)
    io.wayfinder.store.Database.open(data).close();
    CliRun bad = CliRun.of("retention", "--period", "fortnight", "--data", data.toString());
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains("period: expected day, week or month");
  }

  private static String[] with(String[] a, String... more) {
    String[] out = java.util.Arrays.copyOf(a, a.length + more.length);
    System.arraycopy(more, 0, out, a.length, more.length);
    return out;
  }
}
