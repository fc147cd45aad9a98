package io.wayfinder.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wayfinder.server.ServerConfig;
import io.wayfinder.server.WayfinderServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Overview, Customers, Value and Settings in headless Chromium over the demo data: every number
 * checked here is recomputed with direct DuckDB SQL over the server's database (previous-period
 * comparison, the NPS trend's n per month, the timeline pages, the at-risk list, the currency);
 * the survey builder creates a survey the API then serves; no text overflows at 1440×900 or 1280×800.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesBrowserTest {
  static final String PASSWORD = "pages browser password";
  static final String TOKEN = "pages-browser-token";
  static final Path SHOTS = Path.of("target", "screenshots");
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path data;
  @TempDir static Path profile;
  static WayfinderServer server;
  static ChromeDriver browser;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    server = WayfinderServer.start(new ServerConfig("127.0.0.1", 0, data, TOKEN, PASSWORD));
    DemoData.loadIfEmpty(server, 1500, new PrintStream(OutputStream.nullOutputStream()));
    base = "http://127.0.0.1:" + server.port();
    Files.createDirectories(SHOTS);
    browser = HeadlessChromium.start(profile, "--window-size=1440,900");
    browser.manage().window().setSize(new Dimension(1440, 900));
    browser.get(base + "/ui/login.html");
    browser.findElement(By.id("name")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    until(() -> browser.getCurrentUrl().contains("#/overview"));
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.quit();
    if (server != null) server.close();
  }

  @Test
  @Order(1)
  void overviewComparesACustomRangeWithThePeriodBeforeAndTheTrendShowsNPerMonth() throws Exception {
    open("overview", "Overview");
    LocalDate last = LocalDate.parse(one("SELECT CAST(max(ts) AT TIME ZONE 'UTC' AS DATE) FROM events").toString());
    LocalDate from = last.minusDays(59);
    choose("period", "custom", false);
    browser.executeScript("document.getElementById('from').value = arguments[0]; document.getElementById('to').value = arguments[1];",
        from.toString(), last.toString());
    browser.findElement(By.id("apply-range")).click();
    until(() -> browser.findElement(By.id("period-span")).getText().contains("compared with " + from.minusDays(60)));
    String now = "ts >= '" + from + "' AND ts < '" + last.plusDays(1) + "'";
    String before = "ts >= '" + from.minusDays(60) + "' AND ts < '" + from + "'";
    for (String[] p : new String[][] {{now, ".v"}, {before, ".prev"}}) {
      String text = browser.findElement(By.cssSelector(".tile[data-kpi=nps] " + p[1])).getText();
      double[] sql = nps(p[0]);
      assertThat(firstNumber(text.replace("previous", ""))).as(text).isCloseTo(sql[0], within(0.051));
      if (p[1].equals(".prev")) assertThat(text).contains("(n " + String.format("%,d", (long) sql[1]) + ")");
      String customers = browser.findElement(By.cssSelector(".tile[data-kpi=customers] " + p[1])).getText();
      assertThat(firstNumber(customers.replace("previous", "")))
          .isEqualTo(((Number) one("SELECT count(DISTINCT profile_id) FROM events WHERE " + p[0])).doubleValue());
    }
    // the change shown is this period's NPS less the previous one's, both from SQL
    String prevText = browser.findElement(By.cssSelector(".tile[data-kpi=nps] .prev")).getText();
    double change = firstNumber(prevText.substring(prevText.indexOf("change") + 6).replace("±", "").replace("+", ""));
    assertThat(change).isCloseTo(nps(now)[0] - nps(before)[0], within(0.11));
    String nsub = browser.findElement(By.cssSelector(".tile[data-kpi=nps] .muted")).getText();
    assertThat(nsub).contains("n " + String.format("%,d", (long) nps(now)[1]));

    // the trend of one journey, chosen by its name: every month's NPS and n against SQL
    String journeyName = one("SELECT definition->>'$.name' FROM journey_definitions WHERE id = 'online_order'").toString();
    choose("trend-journey", journeyName, true);
    until(() -> !browser.findElements(By.cssSelector("#nps-trend canvas")).isEmpty());
    @SuppressWarnings("unchecked")
    List<List<String>> rows = (List<List<String>>) browser.executeScript("return [...document.querySelectorAll('#nps-trend details.data tbody tr')]"
        + ".map(tr => [...tr.cells].map(td => td.textContent));");
    assertThat(rows).isNotEmpty();
    for (List<String> r : rows) {
      double[] sql = nps(now + " AND properties->>'$.journey' = 'online_order' AND strftime(timezone('UTC', ts), '%Y-%m') = '" + r.get(0) + "'");
      assertThat(firstNumber(r.get(1))).as(r.toString()).isCloseTo(sql[0], within(0.051));
      assertThat(firstNumber(r.get(4))).as(r.toString()).isEqualTo(sql[1]);
      assertThat(firstNumber(r.get(2))).isLessThanOrEqualTo(firstNumber(r.get(1)));
      assertThat(firstNumber(r.get(3))).isGreaterThanOrEqualTo(firstNumber(r.get(1)));
    }
    assertThat(browser.findElement(By.cssSelector("section[aria-label='Top pain points']")).getAttribute("class")).contains("wide");
    shot("pages1-overview");
    browser.executeScript("document.getElementById('nps-trend').scrollIntoView()");
    shot("pages1-overview-trend");
  }

  @Test
  @Order(2)
  void customerTimelinePagesThroughEventsWithTheirPropertiesAndShowsConsentOnce() throws Exception {
    long id = ((Number) one("SELECT profile_id FROM events GROUP BY 1 HAVING count(*) > 60 ORDER BY count(*), 1 LIMIT 1")).longValue();
    browser.get(base + "/ui/index.html#/customers/" + id);
    until(() -> browser.findElements(By.cssSelector("#timeline li")).size() == 50);
    List<Long> expected = longs("SELECT id FROM events WHERE profile_id = " + id + " ORDER BY ts DESC, id DESC LIMIT 100");
    browser.findElement(By.id("timeline-more")).click();
    until(() -> browser.findElements(By.cssSelector("#timeline li")).size() == Math.min(100, expected.size()));
    List<Long> shown = browser.findElements(By.cssSelector("#timeline li")).stream().map(li -> Long.parseLong(li.getAttribute("data-event"))).toList();
    assertThat(shown).isEqualTo(expected);
    // the properties of the first event, as stored
    JsonNode props = JSON.readTree(one("SELECT CAST(properties AS VARCHAR) FROM events WHERE id = " + expected.get(0)).toString());
    String first = browser.findElement(By.cssSelector("#timeline li")).getText();
    props.fieldNames().forEachRemaining(k -> assertThat(first).contains(k));
    assertThat(browser.findElement(By.id("timeline-count")).getText())
        .isEqualTo("Showing " + shown.size() + " of " + String.format("%,d", ((Number) one("SELECT count(*) FROM events WHERE profile_id = " + id)).longValue()) + " events");
    // consent: one readable line, no JSON
    List<WebElement> consentTerms = browser.findElements(By.xpath("//section[@aria-label='Identity']//dt[contains(translate(., 'CONSENT', 'consent'), 'consent')]"));
    assertThat(consentTerms).hasSize(1);
    String consent = browser.findElement(By.id("consent")).getText();
    assertThat(consent).doesNotContain("{", "true", "false");
    Object emailGranted = one("SELECT arg_max(granted, set_at) FROM consent_history WHERE profile_id = " + id + " AND category = 'email'");
    if (emailGranted != null) assertThat(consent).contains("E-mail: " + ((Boolean) emailGranted ? "given" : "withdrawn"));
    // journeys by name, as defined
    for (Object name : strings("SELECT definition->>'$.name' FROM journey_definitions WHERE id IN (SELECT DISTINCT properties->>'$.journey' "
        + "FROM events WHERE profile_id = " + id + ")")) {
      assertThat(browser.findElement(By.cssSelector("section[aria-label=Journeys]")).getText()).contains(name.toString());
    }
    shot("pages1-customer");
    browser.executeScript("document.getElementById('timeline').scrollIntoView()");
    shot("pages1-customer-timeline");
  }

  @Test
  @Order(3)
  void valuePageListsTheAtRiskCustomersAsThePredictionsTableRanksThem() throws Exception {
    open("value", "Value");
    until(() -> !browser.findElements(By.cssSelector("#at-risk tbody tr")).isEmpty());
    List<Long> shown = browser.findElements(By.cssSelector("#at-risk tbody a.customer-link")).stream()
        .map(a -> Long.parseLong(a.getAttribute("href").replaceAll(".*#/customers/", ""))).toList();
    List<Long> expected = longs("SELECT profile_id FROM profile_predictions WHERE value_segment = 'high_value_at_risk' "
        + "ORDER BY clv * coalesce(churn_risk, 1 - p_alive) DESC, profile_id LIMIT 50");
    assertThat(shown).isNotEmpty().isEqualTo(expected);
    String windowEnd = one("SELECT CAST(window_end AT TIME ZONE 'UTC' AS DATE) FROM prediction_runs WHERE kind = 'clv' ORDER BY version DESC LIMIT 1").toString();
    assertThat(browser.findElement(By.id("model-line")).getText()).contains("values as of " + windowEnd, "in EUR");
    shot("pages1-value");
    browser.executeScript("document.getElementById('at-risk').scrollIntoView()");
    shot("pages1-value-at-risk");
    browser.findElements(By.cssSelector("#at-risk tbody a.customer-link")).get(0).click();
    until(() -> !browser.findElements(By.cssSelector("#value dd[data-field=clv]")).isEmpty());
    double clv = ((Number) one("SELECT clv FROM profile_predictions WHERE profile_id = " + expected.get(0))).doubleValue();
    assertThat(browser.findElement(By.cssSelector("#value dd[data-field=clv]")).getText()).isEqualTo("€" + String.format("%,.0f", clv));
    assertThat(browser.findElement(By.cssSelector("#value dd[data-field=clvAsOf]")).getText()).isEqualTo(windowEnd);
  }

  @Test
  @Order(4)
  void settingsBuildsASurveyTheApiThenServes() throws Exception {
    open("settings", "Settings");
    WebElement copy = browser.findElement(By.cssSelector("button.copy"));
    copy.click();
    until(() -> copy.getText().equals("Copied"));
    browser.findElement(By.id("sb-id")).sendKeys("browser_survey");
    browser.findElement(By.id("sb-name")).sendKeys("How was your order?");
    choose("sb-journey", "online_order", false);
    choose("sb-q1-type", "csat", false);
    browser.findElement(By.id("sb-q1-id")).clear();
    browser.findElement(By.id("sb-q1-id")).sendKeys("sat");
    browser.findElement(By.id("sb-add")).click();
    choose("sb-q3-type", "choice", false);
    browser.findElement(By.id("sb-q3-id")).clear();
    browser.findElement(By.id("sb-q3-id")).sendKeys("again");
    browser.findElement(By.id("sb-q3-choices")).sendKeys("Yes, No");
    String event = one("SELECT name FROM events WHERE name IS NOT NULL GROUP BY name ORDER BY count(*) DESC, name LIMIT 1").toString();
    browser.findElement(By.id("sb-event")).sendKeys(event);
    setValue("sb-delay", "2");
    setValue("sb-sample", "25");
    setValue("sb-quiet", "14");
    browser.executeScript("document.getElementById('survey-builder').scrollIntoView()");
    shot("pages1-survey-builder");
    browser.findElement(By.id("sb-save")).click();
    until(() -> browser.findElement(By.tagName("main")).getText().contains("browser_survey"));
    JsonNode s = JSON.readTree(api("GET", "/api/surveys/browser_survey", null).body());
    assertThat(s.path("questions").findValuesAsText("type")).containsExactly("csat", "text", "choice");
    assertThat(s.path("questions").findValuesAsText("id")).containsExactly("sat", "why", "again");
    assertThat(s.path("questions").get(2).path("choices").toString()).isEqualTo("[\"Yes\",\"No\"]");
    assertThat(s.path("journey").asText()).isEqualTo("online_order");
    assertThat(s.path("trigger").path("event").asText()).isEqualTo(event);
    assertThat(s.path("trigger").path("delay").asText()).isEqualTo("PT2H");
    assertThat(s.path("trigger").path("samplePercent").asDouble()).isEqualTo(25.0);
    assertThat(s.path("trigger").path("quietPeriod").asText()).isEqualTo("PT336H");

    // the hosted page of the new survey, as a customer sees it
    String token = JSON.readTree(api("POST", "/api/surveys/browser_survey/invitations", "{\"customer\": \"cust-0000001\"}").body())
        .path("token").asText();
    browser.get(base + "/s/" + token);
    until(() -> browser.getTitle().equals("How was your order?"));
    browser.findElement(By.cssSelector("label[for='q-sat-4']")).click();
    browser.findElement(By.cssSelector("label[for='q-again-0']")).click();
    shot("pages1-hosted-survey");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    until(() -> !browser.findElements(By.id("message")).isEmpty());
    assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("Thank you! Your answer has been recorded.");
  }

  @Test
  @Order(5)
  void theCurrencySettingChangesEveryAmountShown() throws Exception {
    open("settings", "Settings");
    choose("currency", "USD", false);
    browser.findElement(By.cssSelector("#currency-form button")).click();
    until(() -> browser.findElement(By.id("currency-now")).getText().contains("USD"));
    assertThat(one("SELECT value FROM settings WHERE name = 'currency'")).isEqualTo("USD");
    open("value", "Value");
    until(() -> !browser.findElements(By.cssSelector("#at-risk tbody tr")).isEmpty());
    assertThat(browser.findElement(By.cssSelector("#at-risk thead")).getText()).contains("CLV (USD)");
    long top = Long.parseLong(browser.findElement(By.cssSelector("#at-risk tbody a.customer-link")).getAttribute("href").replaceAll(".*#/customers/", ""));
    double stake = ((Number) one("SELECT clv * coalesce(churn_risk, 1 - p_alive) FROM profile_predictions WHERE profile_id = " + top)).doubleValue();
    assertThat(browser.findElement(By.cssSelector("#at-risk tbody tr td:last-child")).getText()).isEqualTo("$" + String.format("%,.0f", stake));
    assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("€");
    open("overview", "Overview");
    assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("€");
  }

  @Test
  @Order(6)
  void noTextIsClippedOnThesePagesAt1440And1280() throws Exception {
    long customer = ((Number) one("SELECT profile_id FROM profile_predictions WHERE value_segment = 'high_value_at_risk' LIMIT 1")).longValue();
    List<String> problems = new ArrayList<>();
    for (Dimension size : List.of(new Dimension(1440, 900), new Dimension(1280, 800))) {
      browser.manage().window().setSize(size);
      for (String page : List.of("overview", "customers", "customers/" + customer, "value", "settings")) {
        browser.get(base + "/ui/index.html#/" + page);
        until(() -> browser.findElements(By.xpath("//main//*[text()='Loading…' or text()='Loading journey maps…']")).isEmpty()
            && !browser.findElements(By.tagName("h1")).isEmpty());
        Thread.sleep(400);
        @SuppressWarnings("unchecked")
        List<String> clipped = (List<String>) browser.executeScript(OVERFLOW);
        clipped.forEach(c -> problems.add(size.width + "×" + size.height + " " + page + ": " + c));
        if (size.width == 1440) shot("pages1-" + page.replace('/', '-').replaceAll("-\\d+$", "-profile"));
      }
    }
    assertThat(problems).isEmpty();
  }

  /** Text elements whose content is wider or taller than their box (scroll containers excepted). */
  static final String OVERFLOW = """
      const out = [];
      for (const el of document.querySelectorAll('main *')) {
        if (!el.offsetParent || el.closest('details:not([open])')) continue;
        const cs = getComputedStyle(el);
        if (/(auto|scroll)/.test(cs.overflowX + cs.overflowY) || el.closest('.scroll, .timeline, .chart, canvas, select, option')) continue;
        const text = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
        if (!text) continue;
        if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 || el.scrollHeight > el.clientHeight + 1 && el.clientHeight > 0)
          out.push(el.tagName + ' "' + el.textContent.trim().slice(0, 40) + '" ' + el.scrollWidth + '>' + el.clientWidth + ' / ' + el.scrollHeight + '>' + el.clientHeight);
      }
      return out;""";

  // --- helpers

  /** NPS and n of the survey answers matching {@code where}, computed directly in DuckDB. */
  private static double[] nps(String where) throws Exception {
    try (Connection c = server.database().connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
        "SELECT 100.0 * (count(*) FILTER (WHERE s >= 9) - count(*) FILTER (WHERE s <= 6)) / count(*), count(*) FROM ("
            + "SELECT TRY_CAST(properties->>'$.score' AS DOUBLE) AS s FROM events WHERE type = 'track' AND name = 'Survey Response' "
            + "AND lower(properties->>'$.question_type') = 'nps' AND " + where + ") WHERE s BETWEEN 0 AND 10 AND s = floor(s)")) {
      rs.next();
      return new double[] {rs.getDouble(1), rs.getLong(2)};
    }
  }

  private static Object one(String sql) throws Exception {
    try (Connection c = server.database().connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getObject(1) : null;
    }
  }

  private static List<String> strings(String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = server.database().connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out;
  }

  private static List<Long> longs(String sql) throws Exception {
    return strings(sql).stream().map(Long::valueOf).toList();
  }

  private static double firstNumber(String text) {
    var m = java.util.regex.Pattern.compile("[-−]?[\\d,]+(\\.\\d+)?").matcher(text);
    if (!m.find()) throw new AssertionError("no number in '" + text + "'");
    return Double.parseDouble(m.group().replace(",", "").replace('−', '-'));
  }

  /** Picks an option of a select by value (or by its visible text) as a user would: the page sees a change event. */
  private static void choose(String id, String option, boolean byText) {
    Object found = browser.executeScript("const s = document.getElementById(arguments[0]);"
        + "const o = [...s.options].find(o => arguments[2] ? o.textContent === arguments[1] : o.value === arguments[1]);"
        + "if (!o) return false; s.value = o.value; s.dispatchEvent(new Event('change', { bubbles: true })); return true;", id, option, byText);
    assertThat(found).as("option %s of #%s", option, id).isEqualTo(true);
  }

  private static void setValue(String id, String value) {
    WebElement e = browser.findElement(By.id(id));
    e.clear();
    e.sendKeys(value);
  }

  private static HttpResponse<String> api(String method, String path, String body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + TOKEN)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void open(String page, String heading) throws Exception {
    browser.get(base + "/ui/index.html#/" + page);
    until(() -> browser.findElement(By.tagName("h1")).getText().contains(heading)
        && browser.findElements(By.xpath("//main//*[text()='Loading…']")).isEmpty());
    Thread.sleep(300);
  }

  interface Check {
    boolean ok() throws Exception;
  }

  private static void until(Check condition) throws Exception {
    // generous: the first overview computes every journey map, and the machine is shared
    long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (true) {
      try {
        if (condition.ok()) return;
      } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
        // not there yet
      }
      if (System.nanoTime() > end) {
        shot("pages1-timeout");
        throw new AssertionError("timed out on " + browser.getCurrentUrl() + ": " + browser.findElement(By.tagName("body")).getText());
      }
      Thread.sleep(100);
    }
  }

  private static void shot(String name) throws Exception {
    Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

}
