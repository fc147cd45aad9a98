package io.wayfinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wayfinder.server.ServerConfig;
import io.wayfinder.server.WayfinderServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * Issue #11, item 4: markup sent with only a write key — in event names, channels, touchpoints,
 * journeys, stages, survey ids, comments, traits and user ids — is shown as text on every page and
 * in every chart tooltip, never parsed. Headless Chromium signs in as the admin, visits each page,
 * moves the mouse over every drawn item of every chart, and after each move checks that no injected
 * element is in the DOM and that the page did not navigate away.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WriteKeyInjectionBrowserTest {
  static final String PASSWORD = "injection test password";
  /** Redirects the admin's tab if parsed (the CSP stops scripts, not this). */
  static final String META = "<meta http-equiv=\"refresh\" content=\"0;url=about:blank\">";
  static final String IMG = "<img src=x class=xss onerror=alert(1)>";
  static final String BOLD = "<b class=xss>bold</b>";
  static final String STEP_A = "Viewed " + META;
  static final String STEP_B = "Paid " + BOLD;
  static final String JOURNEY = "shop " + BOLD;
  static final String CHANNEL = "web " + IMG;
  static final String COMMENT = "Slow! " + META + IMG + BOLD;
  static final String USER = "cust-x-" + BOLD;
  /** Injected elements, if any payload was parsed. */
  static final String INJECTED = "meta[http-equiv], .xss, img[src='x']";
  static final int CUSTOMERS = 12;

  @TempDir static Path data;
  @TempDir static Path profile;
  static WayfinderServer server;
  static ChromeDriver browser;
  static String base;
  static int hovers;

  @BeforeAll
  static void start() throws Exception {
    server = WayfinderServer.start(new ServerConfig("127.0.0.1", 0, data, "injection-test-token", PASSWORD));
    DemoData.loadIfEmpty(server, 300, new PrintStream(OutputStream.nullOutputStream()));
    base = "http://127.0.0.1:" + server.port();
    sendPayloads(server.sources().getOrCreate("website", "web").writeKey(), server.stats().lastEvent());
    browser = HeadlessChromium.start(profile);
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.quit();
    if (server != null) server.close();
  }

  /**
   * Through the collection API with the write key only: per customer an identify with markup in
   * the user id and traits, two steps of a journey with markup in every name (waits and channels
   * varying, so the key-driver analysis names a driver after them), and an NPS answer with a comment.
   */
  static void sendPayloads(String writeKey, Instant last) throws Exception {
    ArrayNode batch = Json.MAPPER.createArrayNode();
    for (int i = 0; i < CUSTOMERS; i++) {
      String user = USER + i;
      Instant t0 = last.minus(Duration.ofDays(20 - i));
      ObjectNode identify = batch.addObject().put("type", "identify").put("userId", user).put("timestamp", t0.toString());
      identify.putObject("traits").put("name", "Eve " + BOLD).put("plan", IMG).put(BOLD, META);
      batch.add(track(user, STEP_A, t0, "web", i));
      // Minutes apart, so both steps fall in one session and the Sankey of paths shows them.
      batch.add(track(user, STEP_B, t0.plus(Duration.ofMinutes(2 + 2L * i)), i % 2 == 0 ? CHANNEL : "web", i));
      ObjectNode answer = track(user, "Survey Response", t0.plus(Duration.ofDays(1).plusHours(7L * i)), "web", i);
      ((ObjectNode) answer.get("properties")).put("survey", "nps " + IMG).put("question_type", "nps").put("score", 10 - (i * 10) / CUSTOMERS)
          .put("comment", COMMENT + " #" + i);
      batch.add(answer);
    }
    ObjectNode body = Json.MAPPER.createObjectNode().set("batch", batch);
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/v1/batch"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  private static ObjectNode track(String user, String event, Instant at, String channel, int i) {
    ObjectNode m = Json.MAPPER.createObjectNode().put("type", "track").put("userId", user).put("event", event).put("timestamp", at.toString());
    m.putObject("properties").put("journey", JOURNEY).put("stage", "pay " + BOLD).put("touchpoint", "tp " + IMG).put("channel", channel)
        .put("order", "o-" + i);
    return m;
  }

  @Test
  @Order(1)
  void theMarkupIsStoredAsSentWithTheWriteKey() throws Exception {
    // The payloads did reach the database unchanged, so the pages below really show them.
    try (var c = server.database().connect(); var st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE name = '" + STEP_A.replace("'", "''") + "'), "
            + "count(*) FILTER (WHERE channel = '" + CHANNEL.replace("'", "''") + "') FROM events")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(CUSTOMERS);
      assertThat(rs.getLong(2)).isEqualTo(CUSTOMERS / 2);
    }
  }

  @Test
  @Order(2)
  void overviewShowsTheMarkupAsTextInTablesAndTooltips() throws Exception {
    browser.get(base + "/");
    until(d -> d.getCurrentUrl().contains("login.html"));
    browser.findElement(By.id("name")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    until(d -> !d.getCurrentUrl().contains("login.html"));
    page("#/overview", "Overview");
    until(d -> d.findElements(By.cssSelector("main .chart canvas")).size() >= 3);
    List<String> tips = hoverEveryChart("#/overview", true);
    assertThat(tips).as("a KPI tooltip names the injected journey literally").anyMatch(t -> t.contains(JOURNEY));
    assertThat(text("main")).contains(COMMENT);
  }

  @Test
  @Order(3)
  void feedbackKeyDriverTooltipShowsTheEventNamesAsText() throws Exception {
    page("#/feedback", "Feedback");
    ((JavascriptExecutor) browser).executeScript("const s = document.getElementById('f-journey'); s.value = arguments[0];"
        + "s.dispatchEvent(new Event('change'));", JOURNEY);
    until(d -> d.findElement(By.tagName("main")).getText().contains("Key drivers of " + JOURNEY));
    until(d -> d.findElements(By.cssSelector("section[aria-label='Key drivers of " + JOURNEY + "'] canvas")).size() > 0);
    List<String> tips = hoverEveryChart("#/feedback", true);
    String driver = "wait " + STEP_A + " → " + STEP_B + " (days)";
    assertThat(tips).as("a tooltip shows the driver's name literally").anyMatch(t -> t.contains(driver));
    assertThat(text("main")).contains(COMMENT + " #0", JOURNEY);
  }

  @Test
  @Order(4)
  void journeyMapFunnelAndPathsShowTheMarkupAsText() throws Exception {
    page("#/journeys/online_order", "ourney");
    hoverEveryChart("#/journeys/online_order", true);
    page("#/funnels", "Funnels and paths");
    ((JavascriptExecutor) browser).executeScript("const s = document.getElementById('path-anchor'); s.value = arguments[0];", STEP_A);
    browser.findElement(By.cssSelector("form[aria-label='Explore paths'] button[type=submit]")).click();
    until(d -> !d.findElements(By.cssSelector("#path-result canvas")).isEmpty());
    browser.findElement(By.id("run-funnel")).click();
    until(d -> !d.findElements(By.cssSelector("#funnel-result canvas")).isEmpty());
    List<String> tips = hoverEveryChart("#/funnels", true);
    assertThat(tips).as("a Sankey tooltip names the injected step literally").anyMatch(t -> t.contains(STEP_B));
    assertThat(text("#path-result")).contains(STEP_A, STEP_B);
  }

  @Test
  @Order(5)
  void customerProfileShowsIdsTraitsAndChannelsAsText() throws Exception {
    page("#/customers", "Customers");
    browser.findElement(By.id("q")).sendKeys("cust-x-");
    browser.findElement(By.cssSelector("form[role=search] button")).click();
    until(d -> d.findElement(By.id("results")).getText().contains("Matches"));
    assertThat(text("#results")).contains(USER + "0", "Eve " + BOLD);
    String profile = "#/customers/" + java.net.URLEncoder.encode(USER + "0", StandardCharsets.UTF_8).replace("+", "%20");
    page(profile, "Eve");
    until(d -> !d.findElements(By.cssSelector("section[aria-label=Timeline] li")).isEmpty());
    List<String> tips = hoverEveryChart(profile, true);
    assertThat(text("main")).contains(USER + "0", IMG, META, STEP_A, STEP_B, COMMENT + " #0");
    assertThat(tips).as("the channel chart's tooltip names the injected channel literally").anyMatch(t -> t.contains(CHANNEL));
  }

  @Test
  @Order(6)
  void valueAndSettingsPagesStayPut() throws Exception {
    page("#/value", "Value");
    hoverEveryChart("#/value", false); // charts only when the demo fitted a CLV model
    page("#/settings", "Settings");
    assertThat(hovers).as("mouse moves over chart items in all").isGreaterThan(50);
  }

  @Test
  @Order(7)
  void settingsShowsANewSigningSecretOnceAndItIsTheStoredOne() throws Exception {
    page("#/settings", "Settings");
    browser.findElement(By.xpath("//tr[td[text()='website']]//button[text()='New signing secret']")).click();
    browser.switchTo().alert().accept();
    until(d -> d.findElement(By.id("signing-secret")).getText().contains("wss_"));
    String shown = browser.findElement(By.cssSelector("#signing-secret code")).getText();
    try (var c = server.database().connect();
        var ps = c.prepareStatement("SELECT secret FROM source_signing_secrets JOIN sources ON sources.id = source_id WHERE sources.name = 'website'")) {
      ResultSet rs = ps.executeQuery();
      assertThat(rs.next()).isTrue();
      assertThat(shown).isEqualTo(rs.getString(1));
    }
    browser.navigate().refresh();
    page("#/settings", "Settings");
    assertThat(text("main")).as("the secret is not listed again").contains("website").doesNotContain(shown);
  }

  private static void page(String hash, String heading) throws Exception {
    browser.get(base + "/ui/index.html" + hash);
    until(d -> d.findElement(By.tagName("h1")).getText().contains(heading)
        && d.findElements(By.xpath("//main//*[text()='Loading…']")).isEmpty());
    Thread.sleep(300); // charts draw on the next animation frame
    assertNothingInjected(hash);
  }

  private static String text(String css) {
    return browser.findElement(By.cssSelector(css)).getAttribute("textContent");
  }

  /**
   * Moves the mouse to the centre of every element ECharts drew (bars, points, Sankey nodes and
   * links, pie sectors, line symbols), chart by chart; after each move nothing injected may exist
   * and the page must not have moved. Returns each chart's text (its tooltip included) per move.
   */
  private static List<String> hoverEveryChart(String hash, boolean expectCharts) throws Exception {
    List<String> seen = new ArrayList<>();
    List<WebElement> charts = browser.findElements(By.cssSelector("main div.chart"));
    if (expectCharts) assertThat(charts).as("charts on " + hash).isNotEmpty();
    for (int ci = 0; ci < charts.size(); ci++) {
      WebElement chart = charts.get(ci);
      browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", chart);
      @SuppressWarnings("unchecked")
      List<List<Number>> points = (List<List<Number>>) browser.executeScript("""
          const c = window.echarts.getInstanceByDom(arguments[0]);
          if (!c) return [];
          const seen = new Set(), out = [];
          for (const el of c.getZr().storage.getDisplayList()) {
            if (el.ignore || el.invisible || !el.getBoundingRect) continue;
            const b = el.getBoundingRect().clone();
            if (el.transform) b.applyTransform(el.transform);
            const x = Math.round(b.x + b.width / 2), y = Math.round(b.y + b.height / 2);
            if (!(b.width > 1 || b.height > 1) || seen.has(x + ',' + y)) continue;
            seen.add(x + ',' + y);
            out.push([x, y]);
          }
          return out.slice(0, 80);""", chart);
      int w = chart.getSize().getWidth();
      int h = chart.getSize().getHeight();
      for (List<Number> p : points) {
        int x = p.get(0).intValue() - w / 2;
        int y = p.get(1).intValue() - h / 2;
        if (Math.abs(x) >= w / 2 || Math.abs(y) >= h / 2) continue;
        new Actions(browser).moveToElement(chart, x, y).perform();
        hovers++;
        assertNothingInjected(hash + " chart " + ci + " at " + p);
        seen.add(chart.getAttribute("textContent"));
      }
    }
    return seen;
  }

  private static void assertNothingInjected(String where) {
    Object found = browser.executeScript("return Array.from(document.querySelectorAll(arguments[0])).map((e) => e.outerHTML);", INJECTED);
    assertThat((List<?>) found).as("elements injected on " + where).isEmpty();
    assertThat(browser.getCurrentUrl()).as("page after " + where).startsWith(base + "/ui/index.html");
  }

  /** Polls {@code condition} for up to 30 s (page content arrives asynchronously). */
  private static void until(Predicate<ChromeDriver> condition) throws InterruptedException {
    HeadlessChromium.until(browser, condition);
  }
}
