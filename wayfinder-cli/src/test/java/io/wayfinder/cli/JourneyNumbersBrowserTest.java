package io.wayfinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wayfinder.server.ServerConfig;
import io.wayfinder.server.WayfinderServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The numbers the journey map, overview and paths pages show, in headless Chromium over demo
 * data, equal the API's answers for the filters the page sends (the API's answers are checked
 * against DuckDB SQL in JourneyFiltersTest), and the Retention page's triangle equals DuckDB SQL: a step lists its own customers, the channel filter
 * changes the map, value at stake follows the period, and journey paths count the map's transitions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JourneyNumbersBrowserTest {
  static final String PASSWORD = "numbers browser password";
  static final ObjectMapper JSON = new ObjectMapper();
  private WayfinderServer server;
  private ChromeDriver browser;
  private String base;

  @BeforeAll
  void start(@TempDir Path data, @TempDir Path profile) throws Exception {
    server = WayfinderServer.start(new ServerConfig("127.0.0.1", 0, data, "numbers-test-token", PASSWORD));
    DemoData.loadIfEmpty(server, 500, new PrintStream(OutputStream.nullOutputStream()));
    base = "http://127.0.0.1:" + server.port();
    browser = HeadlessChromium.start(profile);
    HeadlessChromium.signIn(browser, base, PASSWORD);
  }

  @AfterAll
  void stop() {
    if (browser != null) browser.quit();
    if (server != null) server.close();
  }

  @Test
  void aStepListsItsDistinctCustomersAndTheChannelFilterChangesTheMap() throws Exception {
    browser.get(base + "/ui/index.html#/journeys/online_order");
    until(d -> !d.findElements(By.cssSelector("button.step[data-event='Payment Failed']")).isEmpty());
    JsonNode all = api("/api/journeys/online_order/map");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains(String.format(java.util.Locale.ENGLISH, "%,d instances", all.path("instances").asInt()));

    choose("channel", "call_centre");
    JsonNode calls = api("/api/journeys/online_order/map?channel=call_centre");
    assertThat(calls.path("instances").asInt()).isLessThan(all.path("instances").asInt());
    until(d -> d.findElement(By.tagName("main")).getText().contains(String.format(java.util.Locale.ENGLISH, "%,d instances", calls.path("instances").asInt())));

    WebElement step = browser.findElement(By.cssSelector("button.step[data-event='Payment Failed']"));
    String shown = step.findElement(By.cssSelector("span.muted")).getText();
    step.click();
    String[] heading = new String[1];
    until(d -> (heading[0] = d.findElement(By.cssSelector("#step-customers h2")).getText()).contains(" customers, "));
    assertThat(heading[0]).startsWith("Customers at Payment Failed (" + shown + " customers");
    JsonNode listed = api("/api/journeys/online_order/customers?channel=call_centre&limit=100000&event=" + enc("Payment Failed"));
    assertThat(String.format(java.util.Locale.ENGLISH, "%,d", listed.path("total").asInt())).isEqualTo(shown);
    int rows = browser.findElements(By.cssSelector("#step-customers tbody tr")).size();
    assertThat(rows).isEqualTo(Math.min(50, listed.path("total").asInt()));
  }

  @Test
  void theValueAtStakeTileCountsEachCustomerOnceAndFollowsThePeriod() throws Exception {
    browser.get(base + "/ui/index.html#/overview");
    until(d -> d.findElement(By.id("value-at-stake")).getText().contains("€"));
    choose("period", "all");
    JsonNode allTime = api("/api/painpoints").path("total");
    String expected = String.format(java.util.Locale.ENGLISH, "€%,d", Math.round(allTime.path("valueAtStake").asDouble()));
    until(d -> d.findElement(By.id("value-at-stake")).getText().contains(expected));
    assertThat(browser.findElement(By.id("value-at-stake")).getText()).contains("each counted once");
    assertThat(browser.findElement(By.cssSelector("#value-at-stake details")).getAttribute("textContent")).contains("largest severity");

    String last = api("/api/stats").path("lastEvent").asText().substring(0, 10);
    String from = java.time.LocalDate.parse(last).minusDays(29).toString();
    JsonNode month = api("/api/painpoints?from=" + from + "&to=" + last).path("total");
    assertThat(month.path("valueAtStake").asDouble()).isLessThan(allTime.path("valueAtStake").asDouble());
    choose("period", "30");
    String monthly = String.format(java.util.Locale.ENGLISH, "€%,d", Math.round(month.path("valueAtStake").asDouble()));
    until(d -> d.findElement(By.id("value-at-stake")).getText().contains(monthly));
  }

  @Test
  void journeyPathsShowTheMapsTransitions() throws Exception {
    browser.get(base + "/ui/index.html#/funnels");
    until(d -> !d.findElements(By.cssSelector("#path-follow option[value=online_order]")).isEmpty());
    choose("path-anchor", "Payment Failed");
    choose("path-follow", "online_order");
    browser.findElement(By.id("path-every")).click();
    browser.findElement(By.cssSelector("form[aria-label='Explore paths'] button[type=submit]")).click();
    int anchorEvents = 0;
    for (JsonNode n : api("/api/journeys/online_order/map").path("nodes")) {
      if (n.path("event").asText().equals("Payment Failed")) anchorEvents = n.path("events").asInt();
    }
    String title = String.format(java.util.Locale.ENGLISH, "Paths after Payment Failed (%,d paths)", anchorEvents);
    until(d -> d.findElement(By.id("path-result")).getText().contains(title));
  }

  /** The Retention page: every cell of the cohort triangle it shows, in weeks and months, equals DuckDB SQL over the store. */
  @Test
  void theRetentionTriangleShowsTheSqlRatesInWeeksAndMonths() throws Exception {
    browser.get(base + "/ui/index.html#/retention");
    HeadlessChromium.until(browser, d -> !d.findElements(By.cssSelector("#retention-triangle tbody tr")).isEmpty());
    assertThat(browser.findElements(By.cssSelector("#retention-triangle canvas"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("#retention-curves canvas"))).isNotEmpty();
    compareRetention("week", 12);

    browser.executeScript("const s = document.getElementById('retention-period'); s.value = 'month';"
        + " s.dispatchEvent(new Event('change', { bubbles: true }));");
    browser.findElement(By.id("run-retention")).click();
    HeadlessChromium.until(browser, d -> d.findElement(By.cssSelector("#retention-triangle thead")).getAttribute("textContent").contains("month 0"));
    compareRetention("month", 12);
  }

  /** Every row and cell of the shown table against SQL (rates as shown: one decimal). */
  private void compareRetention(String unit, int periods) throws Exception {
    Map<String, double[]> expected = retentionSql(unit, periods);
    List<WebElement> rows = browser.findElements(By.cssSelector("#retention-triangle tbody tr"));
    assertThat(rows).hasSize(expected.size());
    int checked = 0;
    for (WebElement tr : rows) {
      List<WebElement> td = tr.findElements(By.tagName("td"));
      String cohort = td.get(0).getAttribute("textContent");
      double[] e = expected.get(cohort);
      assertThat(e).as(cohort).isNotNull();
      assertThat(td.get(1).getAttribute("textContent").replace(",", "")).isEqualTo(String.valueOf((long) e[0]));
      for (int n = 0; n <= periods; n++) {
        String shown = td.get(2 + n).getAttribute("textContent");
        if (Double.isNaN(e[1 + n])) {
          assertThat(shown).as(cohort + " " + unit + " " + n).isEqualTo("–");
        } else {
          assertThat(Double.parseDouble(shown.replace(" %", "").replace(",", ""))).as(cohort + " " + unit + " " + n)
              .isCloseTo(100 * e[1 + n], org.assertj.core.data.Offset.offset(0.05 + 1e-9));
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(5);
  }

  /** Per cohort month: [customers, rate at offset 0..periods or NaN when not begun], by SQL over the events. */
  private Map<String, double[]> retentionSql(String unit, int periods) throws Exception {
    String off = unit.equals("week")
        ? "(CAST(date_trunc('week', %2$s) AS DATE) - CAST(date_trunc('week', %1$s) AS DATE)) // 7"
        : "(year(%2$s) * 12 + month(%2$s)) - (year(%1$s) * 12 + month(%1$s))";
    String q = "WITH e AS (SELECT profile_id AS c, ts AT TIME ZONE 'UTC' AS t, row_number() OVER (PARTITION BY profile_id ORDER BY ts, id) AS k FROM events), "
        + "f AS (SELECT c, t AS first FROM e WHERE k = 1), lastp AS (SELECT max(t) AS last FROM e), "
        + "back AS (SELECT DISTINCT e.c, " + String.format(off, "f.first", "e.t") + " AS o FROM e JOIN f USING (c) WHERE e.k > 1), "
        + "cust AS (SELECT f.c, strftime(f.first, '%Y-%m') AS cohort, " + String.format(off, "f.first", "lastp.last") + " AS seen FROM f, lastp), "
        + "n AS (SELECT range AS n FROM range(0, " + (periods + 1) + ")) "
        + "SELECT cohort, n, (SELECT count(*) FROM cust c2 WHERE c2.cohort = cust.cohort), count(*) FILTER (WHERE seen >= n), "
        + "count(*) FILTER (WHERE seen >= n AND EXISTS (SELECT 1 FROM back b WHERE b.c = cust.c AND b.o = n)) FROM cust, n GROUP BY cohort, n";
    Map<String, double[]> out = new HashMap<>();
    try (Connection c = server.database().connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(q)) {
      while (rs.next()) {
        double[] row = out.computeIfAbsent(rs.getString(1), k -> new double[periods + 2]);
        row[0] = rs.getLong(3);
        row[1 + rs.getInt(2)] = rs.getLong(4) == 0 ? Double.NaN : (double) rs.getLong(5) / rs.getLong(4);
      }
    }
    return out;
  }

  /** Chooses an option as a user does: the select's value changes and it fires change. */
  private void choose(String selectId, String value) {
    browser.executeScript("const s = document.getElementById(arguments[0]); s.value = arguments[1];"
        + " s.dispatchEvent(new Event('change', { bubbles: true }));", selectId, value);
  }

  private JsonNode api(String path) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer numbers-test-token").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private void until(Predicate<ChromeDriver> condition) throws InterruptedException {
    HeadlessChromium.until(browser, condition);
  }
}
