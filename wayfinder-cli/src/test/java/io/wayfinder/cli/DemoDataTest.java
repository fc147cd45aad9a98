package io.wayfinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.server.ServerConfig;
import io.wayfinder.server.WayfinderServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo shows what the product finds: its history ends now, the README's funnel narrows step by
 * step within the generator's calibrated range (checked against SQL), and the value segments are
 * small enough to act on.
 */
class DemoDataTest {
  private static final String TOKEN = "demo-test-token";
  @TempDir static Path data;
  static WayfinderServer server;
  static Instant loadedAt;

  @BeforeAll
  static void load() {
    server = WayfinderServer.start(new ServerConfig("127.0.0.1", 0, data, TOKEN));
    loadedAt = Instant.now();
    DemoData.loadIfEmpty(server, 2000, new PrintStream(OutputStream.nullOutputStream()));
  }

  @AfterAll
  static void stop() {
    if (server != null) server.close();
  }

  @Test
  void theHistoryEndsNowSoLiveEventsFollowIt() throws Exception {
    Instant last = instant("SELECT max(ts) FROM events");
    Instant first = instant("SELECT min(ts) FROM events");
    assertThat(last).isBefore(Instant.now()).isAfter(loadedAt.minus(Duration.ofDays(1)));
    assertThat(first).isAfterOrEqualTo(loadedAt.minus(Duration.ofDays(730)).minusSeconds(1));
  }

  @Test
  void theReadmeFunnelNarrowsAtEveryStepLikeTheSqlCount() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.port() + "/api/funnels")).header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
            {"steps": [{"event": "Product"}, {"event": "Checkout Started"}, {"event": "Order Completed"}], "window": "7d"}"""))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode steps = Json.MAPPER.readTree(r.body()).path("steps");
    long product = steps.get(0).path("customers").asLong();
    long checkout = steps.get(1).path("customers").asLong();
    long ordered = steps.get(2).path("customers").asLong();
    System.out.printf("README funnel on the demo: %,d -> %,d (%.1f %%) -> %,d (%.1f %%)%n", product, checkout,
        100.0 * checkout / product, ordered, 100.0 * ordered / checkout);
    long[] sql = funnelBySql();
    assertThat(new long[] {product, checkout, ordered}).containsExactly(sql);
    assertThat(checkout).isLessThan(product);
    assertThat(ordered).isLessThan(checkout);
    // calibrated (docs/generator.md): ~18 visitors per customer, 60 % of them fill a cart, 21 % of
    // abandoned carts reach checkout; every customer's first order converts within the window
    assertThat((double) checkout / product).isBetween(0.10, 0.30);
    assertThat((double) ordered / checkout).isBetween(0.20, 0.45);
    assertThat(ordered).isBetween(1900L, 2000L);
  }

  @Test
  void valueSegmentsAreSmallEnoughToActOn() throws Exception {
    Map<String, Long> segments = new LinkedHashMap<>();
    long scored = 0;
    long aboveHalf = 0;
    try (Connection c = server.database().connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT value_segment, count(*), count(*) FILTER (WHERE churn_risk >= 0.5) "
            + "FROM profile_predictions WHERE value_segment IS NOT NULL GROUP BY 1 ORDER BY 1")) {
      while (rs.next()) {
        segments.put(rs.getString(1), rs.getLong(2));
        scored += rs.getLong(2);
        aboveHalf += rs.getLong(3);
      }
    }
    System.out.printf("segments %s of %d; risk >= 0.5: %.1f %%%n", segments, scored, 100.0 * aboveHalf / scored);
    long atRisk = segments.getOrDefault("high_value_at_risk", 0L) + segments.getOrDefault("low_value_at_risk", 0L);
    assertThat(scored).isBetween(1900L, 2000L);
    // at risk = the riskiest 30 % (ValueSegmenter.DEFAULT), high value = the top 20 % by CLV
    assertThat((double) atRisk / scored).isBetween(0.25, 0.32);
    assertThat((double) segments.get("low_value_at_risk") / scored).isLessThan(0.3);
    assertThat(segments.get("high_value_at_risk")).isPositive();
    long total = scored;
    assertThat(segments.values()).allSatisfy(n -> assertThat((double) n / total).isLessThan(0.6));
  }

  /** Customers reaching each step, straight from the events: an attempt starts at a Product view, steps follow within 7 days. */
  private static long[] funnelBySql() throws Exception {
    String sql = """
        WITH p AS (SELECT profile_id, ts FROM events WHERE name = 'Product'),
        c AS (SELECT profile_id, ts FROM events WHERE name = 'Checkout Started'),
        o AS (SELECT profile_id, ts FROM events WHERE name = 'Order Completed'),
        a AS (SELECT p.profile_id, p.ts AS t0, min(c.ts) AS c1 FROM p LEFT JOIN c ON c.profile_id = p.profile_id
              AND c.ts > p.ts AND c.ts <= p.ts + INTERVAL 7 DAY GROUP BY 1, 2),
        b AS (SELECT a.profile_id, a.c1 IS NOT NULL AS checked_out, EXISTS (SELECT 1 FROM o WHERE o.profile_id = a.profile_id
              AND o.ts > a.c1 AND o.ts <= a.t0 + INTERVAL 7 DAY) AS ordered FROM a)
        SELECT count(DISTINCT profile_id), count(DISTINCT profile_id) FILTER (WHERE checked_out),
               count(DISTINCT profile_id) FILTER (WHERE ordered) FROM b""";
    try (Connection c = server.database().connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
    }
  }

  private static Instant instant(String sql) throws Exception {
    try (Connection c = server.database().connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getObject(1, OffsetDateTime.class).toInstant();
    }
  }
}
