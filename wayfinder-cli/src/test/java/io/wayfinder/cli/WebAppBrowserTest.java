package io.wayfinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wayfinder.server.ServerConfig;
import io.wayfinder.server.WayfinderServer;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The web application in headless Chromium over a real server loaded with the demo data: sign in,
 * every page, a funnel, a customer opened from a journey-map step; no console errors; a screenshot
 * of each page in target/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebAppBrowserTest {
  static final String PASSWORD = "browser test password";
  static final Path SHOTS = Path.of("target", "screenshots");
  @TempDir static Path data;
  @TempDir static Path profile;
  static WayfinderServer server;
  static ChromeDriver browser;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    server = WayfinderServer.start(new ServerConfig("127.0.0.1", 0, data, "browser-test-token", PASSWORD));
    DemoData.loadIfEmpty(server, 2000, new PrintStream(OutputStream.nullOutputStream()));
    base = "http://127.0.0.1:" + server.port();
    Files.createDirectories(SHOTS);
    browser = HeadlessChromium.start(profile);
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.quit();
    if (server != null) server.close();
  }

  @Test
  @Order(1)
  void signsInAndLandsOnAPopulatedOverview() throws Exception {
    browser.get(base + "/");
    until(d -> d.getCurrentUrl().contains("login.html"));
    browser.findElement(By.id("name")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    page("overview", "Overview");
    assertThat(browser.findElements(By.cssSelector(".tile"))).hasSizeGreaterThanOrEqualTo(4);
    assertThat(browser.findElement(By.cssSelector(".tiles")).getText()).contains("NPS", "CSAT", "CES").doesNotContain("no answers");
    assertThat(browser.findElements(By.cssSelector(".chart canvas"))).hasSizeGreaterThanOrEqualTo(3);
    assertThat(browser.findElements(By.cssSelector("details.data table"))).isNotEmpty();
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("Recent feedback", "Online order"); // journeys by name
    noConsoleErrors("overview");
  }

  @Test
  @Order(2)
  void visitsEveryPage() throws Exception {
    for (String[] p : new String[][] {{"journeys", "ourney"}, {"feedback", "Feedback"}, {"customers", "Customers"},
        {"value", "Value"}, {"settings", "Settings"}, {"funnels", "Funnels and paths"}}) {
      browser.get(base + "/ui/index.html#/" + p[0]);
      page(p[0], p[1]);
      noConsoleErrors(p[0]);
    }
    browser.get(base + "/ui/index.html#/feedback");
    page("feedback", "Feedback");
    assertThat(browser.findElements(By.cssSelector("main table tbody tr"))).hasSizeGreaterThan(10);
    createJourneySurvey();
    browser.get(base + "/ui/index.html#/settings");
    page("settings", "Settings");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("wk_", "admin");
    // surveys have a level (journey or touchpoint), not a type: the table shows it
    WebElement surveys = browser.findElement(By.cssSelector("section[aria-label=Surveys] table"));
    assertThat(surveys.findElements(By.tagName("th"))).extracting(WebElement::getText).contains("Level").doesNotContain("Type");
    assertThat(surveys.findElement(By.xpath(".//tr[td[text()='move_journey_nps']]")).getText()).contains("journey");
    browser.get(base + "/ui/index.html#/value");
    page("value", "Value");
    until(d -> d.findElements(By.cssSelector("main canvas")).size() >= 3);
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("CLV distribution", "Value segments", "Holdout check");
    // the segment names are in the folded data table beside the chart
    assertThat(browser.findElement(By.tagName("main")).getAttribute("textContent")).contains("high value");
    shot("value");
  }

  @Test
  @Order(3)
  void findsACustomerAndOpensTheProfile() throws Exception {
    browser.get(base + "/ui/index.html#/customers");
    page("customers", "Customers");
    browser.findElement(By.id("q")).sendKeys("cust-00000");
    browser.findElement(By.cssSelector("form[role=search] button")).click();
    until(d -> d.findElement(By.id("results")).getText().contains("Matches"));
    browser.findElement(By.cssSelector("#results tbody a")).click();
    until(d -> !d.findElements(By.cssSelector("section[aria-label=Timeline] li")).isEmpty());
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("Identity", "Journeys", "Timeline across channels", "Feedback");
    shot("customer");
    noConsoleErrors("customer");
  }

  @Test
  @Order(4)
  void buildsAFunnel() throws Exception {
    browser.get(base + "/ui/index.html#/funnels");
    page("funnels", "Funnels and paths");
    assertThat(browser.findElements(By.cssSelector("#funnel-steps li"))).hasSizeGreaterThanOrEqualTo(2);
    browser.findElement(By.id("run-funnel")).click();
    until(d -> !d.findElements(By.cssSelector("#funnel-result canvas")).isEmpty());
    assertThat(browser.findElement(By.id("funnel-result")).getText()).contains("converted");
    shot("funnel");
    noConsoleErrors("funnel");
  }

  @Test
  @Order(5)
  void opensACustomerFromAJourneyMapStep() throws Exception {
    browser.get(base + "/ui/index.html#/journeys/online_order");
    page("journey-map", "ourney");
    WebElement step = browser.findElement(By.cssSelector(".stage button.step"));
    step.click();
    until(d -> !d.findElements(By.cssSelector("#step-customers a.customer-link")).isEmpty());
    browser.findElement(By.cssSelector("#step-customers a.customer-link")).click();
    until(d -> !d.findElements(By.cssSelector("section[aria-label=Identity]")).isEmpty());
    shot("journey-customer");
    noConsoleErrors("journey-customer");
  }

  private static void createJourneySurvey() throws Exception {
    String body = """
        {"id": "move_journey_nps", "name": "Moving with us", "level": "journey", "journey": "broadband_move",
         "questions": [{"id": "nps", "type": "nps", "text": "How likely are you to recommend us?", "required": true}]}""";
    var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/surveys"))
        .header("Authorization", "Bearer browser-test-token").header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
  }

  private static void page(String name, String heading) throws Exception {
    until(d -> d.findElement(By.tagName("h1")).getText().contains(heading)
        && d.findElements(By.xpath("//main//*[text()='Loading…']")).isEmpty());
    Thread.sleep(300); // let the charts draw before the screenshot
    shot(name);
  }

  private static void until(java.util.function.Predicate<ChromeDriver> condition) throws InterruptedException {
    HeadlessChromium.until(browser, condition);
  }

  private static void shot(String name) throws Exception {
    Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  private static void noConsoleErrors(String where) {
    List<String> errors = new ArrayList<>();
    for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.WARNING.intValue()) errors.add(e.getMessage());
    }
    assertThat(errors).as("browser console on %s", where).isEmpty();
  }
}
