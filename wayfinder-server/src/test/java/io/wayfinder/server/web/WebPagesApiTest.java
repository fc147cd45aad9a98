package io.wayfinder.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.server.JsonSupport;
import io.wayfinder.server.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read routes behind the Overview, Customers, Value and Settings pages, each compared with a
 * direct DuckDB query over the same database: timeline paging, the previous-period comparison, the
 * at-risk list and the currency setting.
 */
class WebPagesApiTest {
  @TempDir Path dir;

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return JsonSupport.MAPPER.readTree(r.body());
  }

  private static List<Long> ids(TestServer t, String sql) throws Exception {
    List<Long> out = new ArrayList<>();
    try (Connection c = t.server.database().connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) out.add(rs.getLong(1));
    }
    return out;
  }

  @Test
  void timelinePagesWalkEveryEventOnceNewestFirstWithProperties() throws Exception {
    try (TestServer t = new TestServer(dir)) {
      String key = t.writeKey("shop", "web");
      // two events share a timestamp, so the page boundary must break ties by id
      String[] times = {"2025-03-01T10:00:00Z", "2025-03-02T10:00:00Z", "2025-03-02T10:00:00Z", "2025-03-03T10:00:00Z",
          "2025-03-04T10:00:00Z", "2025-03-05T10:00:00Z", "2025-03-06T10:00:00Z"};
      for (int i = 0; i < times.length; i++) {
        t.post("/v1/track", key, "{\"userId\": \"u1\", \"event\": \"Step " + i + "\", \"timestamp\": \"" + times[i]
            + "\", \"properties\": {\"order\": " + i + "}}");
      }
      t.post("/v1/track", key, "{\"userId\": \"u2\", \"event\": \"Other\", \"timestamp\": \"2025-03-04T00:00:00Z\"}");
      long profile = json(t.api("GET", "/api/profiles/u1?timeline=1", null)).path("id").asLong();
      List<Long> expected = ids(t, "SELECT id FROM events WHERE profile_id = " + profile + " ORDER BY ts DESC, id DESC");
      assertThat(expected).hasSize(7);

      List<Long> seen = new ArrayList<>();
      String next = "";
      int pages = 0;
      do {
        JsonNode page = json(t.api("GET", "/api/web/customers/" + profile + "/timeline?limit=3" + next, null));
        for (JsonNode e : page.path("events")) {
          seen.add(e.path("id").asLong());
          assertThat(e.path("properties").path("order").isInt()).as(e.toString()).isTrue();
          assertThat(e.path("name").asText()).isEqualTo("Step " + e.path("properties").path("order").asInt());
        }
        next = page.path("next").isNull() ? null : "&before=" + page.path("next").asLong();
        pages++;
      } while (next != null && pages < 10);
      assertThat(seen).isEqualTo(expected);
      assertThat(pages).isEqualTo(3);

      HttpResponse<String> bad = t.api("GET", "/api/web/customers/" + profile + "/timeline?before=abc", null);
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
      assertThat(bad.body()).contains("before");
      long foreign = ids(t, "SELECT id FROM events WHERE name = 'Other'").get(0);
      assertThat(t.api("GET", "/api/web/customers/" + profile + "/timeline?before=" + foreign, null).statusCode()).isEqualTo(400);
      assertThat(t.api("GET", "/api/web/customers/" + profile + "/timeline?limit=0", null).body()).contains("limit");
    }
  }

  @Test
  void overviewComparesWithTheEquallyLongPeriodBefore() throws Exception {
    try (TestServer t = new TestServer(dir)) {
      String key = t.writeKey("shop", "web");
      int[][] answers = {{10, 1}, {9, 2}, {3, 3}, {8, 11}, {10, 12}, {0, 13}, {1, 14}, {10, 15}};
      for (int[] a : answers) {
        t.post("/v1/track", key, "{\"userId\": \"u" + a[1] + "\", \"event\": \"Survey Response\", \"timestamp\": \"2025-03-"
            + String.format("%02d", a[1]) + "T12:00:00Z\", \"properties\": {\"survey\": \"s\", \"question_type\": \"nps\", \"score\": "
            + a[0] + ", \"journey\": \"online_order\"}}");
      }
      JsonNode o = json(t.api("GET", "/api/web/overview?from=2025-03-11&to=2025-03-20&compare=previous", null));
      JsonNode prev = o.path("previous");
      assertThat(prev.path("from").asText()).isEqualTo("2025-03-01T00:00:00Z");
      assertThat(prev.path("to").asText()).isEqualTo("2025-03-11T00:00:00Z");
      String nps = "SELECT round(100.0 * (count(*) FILTER (WHERE s >= 9) - count(*) FILTER (WHERE s <= 6)) / count(*), 2), count(*) "
          + "FROM (SELECT CAST(properties->>'$.score' AS INTEGER) AS s, ts FROM events WHERE name = 'Survey Response') WHERE ts >= ";
      try (Connection c = t.server.database().connect(); Statement st = c.createStatement()) {
        for (var check : List.of(List.of(o, "'2025-03-11' AND ts < '2025-03-21'"), List.of(prev, "'2025-03-01' AND ts < '2025-03-11'"))) {
          JsonNode got = ((JsonNode) check.get(0)).path("overall").path("nps");
          try (ResultSet rs = st.executeQuery(nps + check.get(1))) {
            rs.next();
            assertThat(got.path("value").asDouble()).as(got.toString()).isEqualTo(rs.getDouble(1));
            assertThat(got.path("responses").asLong()).isEqualTo(rs.getLong(2));
          }
          try (ResultSet rs = st.executeQuery("SELECT count(*) FROM events WHERE ts >= " + check.get(1))) {
            rs.next();
            assertThat(((JsonNode) check.get(0)).path("range").path("events").asLong()).isEqualTo(rs.getLong(1));
          }
        }
      }
      assertThat(json(t.api("GET", "/api/web/overview?from=2025-03-11&to=2025-03-20", null)).has("previous")).isFalse();
      HttpResponse<String> bad = t.api("GET", "/api/web/overview?from=2025-03-11&compare=previous", null);
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body()).contains("compare");
    }
  }

  @Test
  void atRiskListsTheHighValueAtRiskSegmentByValueAtStakeInTheChosenCurrency() throws Exception {
    try (TestServer t = new TestServer(dir)) {
      String key = t.writeKey("shop", "web");
      for (int i = 1; i <= 6; i++) t.post("/v1/identify", key, "{\"userId\": \"c" + i + "\", \"traits\": {\"name\": \"Customer " + i + "\"}}");
      try (Connection c = t.server.database().connect(); Statement st = c.createStatement()) {
        st.execute("INSERT INTO prediction_runs VALUES ('run-1', 'clv', 1, 'bgnbd', '{}', null, null, null, '2025-06-30', 6, now())");
        st.execute("INSERT INTO profile_predictions SELECT profile_id, 'run-1', 1, 0.5, 10, 100.0 * row_number() OVER (ORDER BY value), "
            + "null, 0.1 * row_number() OVER (ORDER BY value), CASE WHEN value IN ('c2', 'c4', 'c5') THEN 'high_value_at_risk' "
            + "ELSE 'low_value_stable' END, now() FROM identities WHERE kind = 'user_id'");
      }
      JsonNode r = json(t.api("GET", "/api/web/value/at-risk?limit=2", null));
      List<Long> expected = ids(t, "SELECT profile_id FROM profile_predictions WHERE value_segment = 'high_value_at_risk' "
          + "ORDER BY clv * churn_risk DESC LIMIT 2");
      assertThat(r.path("customers").findValues("id").stream().map(JsonNode::asLong).toList()).isEqualTo(expected);
      assertThat(r.path("total").asLong()).isEqualTo(3);
      assertThat(r.path("customers").get(0).path("name").asText()).isEqualTo("Customer 5");
      assertThat(r.path("customers").get(0).path("valueAtStake").asDouble()).isEqualTo(500.0 * 0.5, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(r.path("currency").asText()).isEqualTo("EUR");

      JsonNode v = json(t.api("GET", "/api/web/customers/" + expected.get(0) + "/value", null));
      assertThat(v.path("predictions").path("clvAsOf").asText()).startsWith("2025-06-30");
      assertThat(v.path("predictions").path("clv").asDouble()).isEqualTo(500.0);
    }
  }

  @Test
  void currencySettingDefaultsToEuroAndAnAdminChangesIt() throws Exception {
    try (TestServer t = new TestServer(dir)) {
      assertThat(json(t.api("GET", "/api/settings", null)).path("currency").asText()).isEqualTo("EUR");
      assertThat(json(t.api("PUT", "/api/settings", "{\"currency\": \"usd\"}")).path("currency").asText()).isEqualTo("USD");
      assertThat(json(t.api("GET", "/api/web/value/at-risk", null)).path("currency").asText()).isEqualTo("USD");
      for (String body : new String[] {"{\"currency\": \"XYZ1\"}", "{\"currency\": \"QQQ\"}", "{\"currency\": 7}", "{\"currency\": \"GBP\", \"colour\": 1}"}) {
        HttpResponse<String> bad = t.api("PUT", "/api/settings", body);
        assertThat(bad.statusCode()).as(body).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(bad.body()).containsAnyOf("currency", "colour");
      }
      try (Connection c = t.server.database().connect(); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT value FROM settings WHERE name = 'currency'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("USD");
      }
    }
  }
}
