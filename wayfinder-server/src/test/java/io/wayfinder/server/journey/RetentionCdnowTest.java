package io.wayfinder.server.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.server.JsonSupport;
import io.wayfinder.server.StoreSql;
import io.wayfinder.server.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention on the real CDNOW purchase histories (23,570 customers, 69,659 transactions,
 * ../shared/data/cdnow), imported through {@code POST /api/imports} as events ("Big Order" at
 * $50 or more, else "Order"): every cell of the API's triangle by monthly acquisition cohort, in
 * weeks and months, exact and on-or-after, equals a direct DuckDB SQL computation over the store;
 * saved behavioural cohorts equal their SQL definitions, and filter retention and funnels.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionCdnowTest {
  @TempDir static Path dir;
  TestServer t;
  StoreSql sql;

  @BeforeAll
  void load() throws Exception {
    t = new TestServer(dir.resolve("data"));
    StringBuilder csv = new StringBuilder("customer,event,when,dollars\n");
    List<String> lines = Files.readAllLines(cdnow().resolve("CDNOW_master.txt"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.strip().split("\\s+");
      String d = f[1];
      csv.append('c').append(f[0]).append(',').append(Double.parseDouble(f[3]) >= 50 ? "Big Order" : "Order").append(',')
          .append(d, 0, 4).append('-').append(d, 4, 6).append('-').append(d, 6, 8).append("T12:00:00Z,").append(f[3]).append('\n');
    }
    HttpResponse<String> r = t.api("POST", "/api/imports?filename=cdnow.csv&case=customer&activity=event&timestamp=when", csv.toString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    sql = new StoreSql(t);
    assertThat(sql.count("SELECT count(*) FROM events")).isEqualTo(69_659);
    // one row per event in UTC with the customer's acquisition (first event) and the log's last event
    sql.execute("CREATE TEMP TABLE e AS SELECT user_id AS c, name, ts AT TIME ZONE 'UTC' AS t, "
        + "row_number() OVER (PARTITION BY user_id ORDER BY ts, id) AS k FROM events");
    sql.execute("CREATE TEMP TABLE f AS SELECT c, t AS first FROM e WHERE k = 1");
  }

  @AfterAll
  void stop() throws Exception {
    sql.close();
    t.close();
  }

  @Test
  void monthlyCohortsInWeeksAndMonthsEqualSqlCellByCell() throws Exception {
    for (String period : List.of("week", "month")) {
      for (String mode : List.of("exact", "onOrAfter")) {
        int periods = period.equals("week") ? 80 : 18;
        JsonNode rep = retention("{\"period\":\"" + period + "\",\"cohortBy\":\"month\",\"periods\":" + periods
            + ",\"mode\":\"" + mode + "\"}");
        assertThat(rep.path("customers").asInt()).isEqualTo(23_570);
        Map<String, int[]> expected = sqlCells(period, mode, periods, "TRUE", "TRUE");
        assertThat(rep.path("rows")).hasSize(3);   // CDNOW acquired everyone in January to March 1997
        compare(rep, expected, period + " " + mode);
      }
    }
  }

  @Test
  void returningOnAChosenEventEqualsSql() throws Exception {
    JsonNode rep = retention("{\"returning\":{\"event\":\"Big Order\"},\"period\":\"month\",\"periods\":18}");
    compare(rep, sqlCells("month", "exact", 18, "name = 'Big Order'", "TRUE"), "Big Order");
  }

  @Test
  void savedBehaviouralCohortEqualsItsSqlDefinitionAndFiltersRetentionAndFunnels() throws Exception {
    HttpResponse<String> r = t.api("POST", "/api/cohorts",
        "{\"id\":\"big_early\",\"name\":\"Big order in the first 30 days\",\"did\":{\"event\":\"Big Order\"},\"within\":\"30d\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String members = "c IN (SELECT DISTINCT e.c FROM e JOIN f USING (c) WHERE e.name = 'Big Order' AND e.t <= f.first + INTERVAL 30 DAY)";
    long size = sql.count("SELECT count(*) FROM f WHERE " + members);
    assertThat(size).isBetween(1000L, 20_000L);
    assertThat(json(t.api("GET", "/api/cohorts/big_early", null)).path("customers").asLong()).isEqualTo(size);

    r = t.api("POST", "/api/cohorts", "{\"id\":\"repeat3\",\"did\":{\"event\":\"Order\"},\"times\":3}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(json(t.api("GET", "/api/cohorts/repeat3", null)).path("customers").asLong())
        .isEqualTo(sql.count("SELECT count(*) FROM (SELECT c FROM e WHERE name = 'Order' GROUP BY c HAVING count(*) >= 3)"));

    JsonNode rep = retention("{\"period\":\"month\",\"periods\":18,\"cohort\":\"big_early\"}");
    assertThat(rep.path("customers").asLong()).isEqualTo(size);
    compare(rep, sqlCells("month", "exact", 18, "TRUE", members), "cohort big_early");

    HttpResponse<String> funnel = t.api("POST", "/api/funnels?cohort=big_early", "{\"steps\":[{\"event\":\"Order\"}]}");
    assertThat(funnel.statusCode()).as(funnel.body()).isEqualTo(200);
    assertThat(json(funnel).path("entered").asLong())
        .isEqualTo(sql.count("SELECT count(DISTINCT c) FROM e WHERE name = 'Order' AND " + members));
    assertThat(json(t.api("GET", "/api/cohorts", null)).path("cohorts")).hasSize(2);
    assertThat(t.api("DELETE", "/api/cohorts/repeat3", null).statusCode()).isEqualTo(204);
    assertThat(sql.count("SELECT count(*) FROM cohorts")).isEqualTo(1);
  }

  @Test
  void badInputAnswers400NamingTheFieldAndSavesNothing() throws Exception {
    long before = sql.count("SELECT count(*) FROM cohorts");
    problem(t.api("POST", "/api/cohorts", "{\"id\":\"ghost\",\"did\":{\"event\":\"Refund Issued\"}}"), "did.event");
    problem(t.api("POST", "/api/cohorts", "{\"id\":\"ghost\",\"did\":{\"event\":\"Order\",\"channel\":\"nowhere\"}}"), "did.channel");
    problem(t.api("POST", "/api/cohorts", "{\"id\":\"ghost\",\"did\":{\"event\":\"Order\"},\"within\":\"soon\"}"), "within");
    problem(t.api("POST", "/api/cohorts", "{\"id\":\"Ghost Town\",\"did\":{\"event\":\"Order\"}}"), "id");
    problem(t.api("POST", "/api/cohorts", "{\"id\":\"ghost\",\"journey\":\"no_such_journey\"}"), "journey");
    assertThat(sql.count("SELECT count(*) FROM cohorts")).isEqualTo(before);
    problem(t.api("POST", "/api/retention", "{\"period\":\"fortnight\"}"), "period");
    problem(t.api("POST", "/api/retention", "{\"cohortBy\":\"year\"}"), "cohortBy");
    problem(t.api("POST", "/api/retention", "{\"periods\":-3}"), "periods");
    problem(t.api("POST", "/api/retention", "{\"returning\":{\"event\":\"Refund Issued\"}}"), "returning.event");
    problem(t.api("POST", "/api/retention", "{\"cohort\":\"no_such_cohort\"}"), "cohort");
    problem(t.api("POST", "/api/funnels?cohort=no_such_cohort", "{\"steps\":[{\"event\":\"Order\"}]}"), "cohort");
  }

  private void problem(HttpResponse<String> r, String field) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(json(r).path("detail").asText()).as(r.body()).startsWith(field + ":");
  }

  private void compare(JsonNode rep, Map<String, int[]> expected, String what) {
    assertThat(rep.path("rows")).hasSize(expected.size() / 2);
    for (JsonNode row : rep.path("rows")) {
      int[] eligible = expected.get(row.path("group").asText() + "/eligible");
      int[] returned = expected.get(row.path("group").asText() + "/returned");
      assertThat(eligible).as(what + " " + row.path("group")).isNotNull();
      for (JsonNode cell : row.path("cells")) {
        int n = cell.path("offset").asInt();
        assertThat(cell.path("eligible").asInt()).as(what + " " + row.path("group") + " eligible " + n).isEqualTo(eligible[n]);
        assertThat(cell.path("returned").asInt()).as(what + " " + row.path("group") + " returned " + n).isEqualTo(returned[n]);
        if (eligible[n] > 0) {
          assertThat(cell.path("rate").asDouble()).isEqualTo((double) returned[n] / eligible[n]);
          assertThat(cell.path("low").asDouble()).isLessThanOrEqualTo(cell.path("rate").asDouble());
          assertThat(cell.path("high").asDouble()).isGreaterThanOrEqualTo(cell.path("rate").asDouble());
        }
      }
    }
  }

  /** Per cohort month: eligible and returned customers per offset, by SQL over the store. */
  private Map<String, int[]> sqlCells(String period, String mode, int periods, String returning, String members) throws Exception {
    String off = period.equals("week")
        ? "(CAST(date_trunc('week', %2$s) AS DATE) - CAST(date_trunc('week', %1$s) AS DATE)) // 7"
        : "(year(%2$s) * 12 + month(%2$s)) - (year(%1$s) * 12 + month(%1$s))";
    String q = "WITH m AS (SELECT c, first FROM f WHERE " + members + "), "
        + "lastp AS (SELECT max(t) AS last FROM e), "
        + "back AS (SELECT e.c, " + String.format(off, "m.first", "e.t") + " AS o FROM e JOIN m USING (c) WHERE e.k > 1 AND " + returning + "), "
        + "cust AS (SELECT m.c, strftime(m.first, '%Y-%m') AS cohort, " + String.format(off, "m.first", "lastp.last") + " AS seen FROM m, lastp), "
        + "n AS (SELECT range AS n FROM range(0, " + (periods + 1) + ")) "
        + "SELECT cohort, n, count(*) FILTER (WHERE seen >= n) AS eligible, "
        + "count(*) FILTER (WHERE seen >= n AND EXISTS (SELECT 1 FROM back b WHERE b.c = cust.c AND "
        + (mode.equals("exact") ? "b.o = n" : "b.o >= n") + ")) AS returned FROM cust, n GROUP BY cohort, n";
    Map<String, int[]> out = new HashMap<>();
    try (Statement st = sql.connection.createStatement(); ResultSet rs = st.executeQuery(q)) {
      while (rs.next()) {
        int n = rs.getInt(2);
        out.computeIfAbsent(rs.getString(1) + "/eligible", k -> new int[periods + 1])[n] = rs.getInt(3);
        out.computeIfAbsent(rs.getString(1) + "/returned", k -> new int[periods + 1])[n] = rs.getInt(4);
      }
    }
    return out;
  }

  private JsonNode retention(String body) throws Exception {
    HttpResponse<String> r = t.api("POST", "/api/retention", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r);
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return JsonSupport.MAPPER.readTree(r.body());
  }

  static Path cdnow() {
    String override = System.getProperty("wayfinder.shared");
    if (override != null) return Path.of(override, "data", "cdnow");
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("data").resolve("cdnow");
      if (Files.isDirectory(candidate)) return candidate;
    }
    throw new IllegalStateException("../shared/data/cdnow not found above " + Path.of("").toAbsolutePath());
  }
}
