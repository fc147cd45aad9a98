package io.wayfinder.server.voc;

import static io.wayfinder.server.voc.SurveyFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.wayfinder.core.widget.CustomerToken;
import io.wayfinder.server.TestServer;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A customer answers in headless Chromium, once on the hosted page and once through the widget on
 * a website of another origin; each answer is in the KPI API within a second. Needs Debian's
 * {@code chromium} and {@code chromium-driver}; without them the test fails, saying so.
 */
public class SurveyBrowserTest {
  @TempDir Path dir;
  TestServer t;
  WebDriver browser;
  HttpServer shop;

  @BeforeEach
  void start() throws Exception {
    t = new TestServer(dir.resolve("data"));
    browser = chromium(dir.resolve("profile"));
  }

  @AfterEach
  void stop() {
    if (browser != null) browser.quit();
    if (shop != null) shop.stop(0);
    t.close();
  }

  public static WebDriver chromium(Path profile) throws Exception {
    String driver = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");
    String binary = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    if (!new File(driver).canExecute() || !new File(binary).canExecute()) {
      throw new AssertionError("browser test needs Chromium and its driver (" + binary + ", " + driver
          + "): apt-get install -y chromium chromium-driver, or set CHROMIUM / CHROMEDRIVER");
    }
    Files.createDirectories(profile);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver)).build();
    return new ChromeDriver(service, options);
  }

  private WebElement await(By by) {
    return awaitValue(() -> browser.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null),
        Duration.ofSeconds(15), "element " + by);
  }

  private static <T> T awaitValue(Supplier<T> probe, Duration within, String what) {
    long end = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < end) {
      T v = probe.get();
      if (v != null) return v;
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("no " + what + " within " + within.toMillis() + " ms");
  }

  /** Waits at most a second for the KPI API to count {@code n} NPS responses on a channel, and returns that row. */
  private JsonNode kpiWithinASecond(String channel, int n) {
    return awaitValue(() -> {
      for (JsonNode row : json(t.api("GET", "/api/kpis?metric=nps&by=channel", null)).path("rows")) {
        if (row.path("key").path("channel").asText().equals(channel) && row.path("responses").asInt() == n) return row;
      }
      return null;
    }, Duration.ofSeconds(1), channel + " response in the KPI API");
  }

  @Test
  void aCustomerAnswersOnTheHostedPage() {
    t.api("POST", "/api/surveys", SurveyFixtures.deliverySurvey("delivery_nps", "null"));
    String token = json(t.api("POST", "/api/surveys/delivery_nps/invitations", "{\"customer\": \"cust-7\", \"channel\": \"email\"}"))
        .path("token").asText();
    browser.get(t.base + "/s/" + token);
    assertThat(browser.getTitle()).isEqualTo("How was your delivery?");
    await(By.cssSelector("label[for='q-nps-9']")).click();
    browser.findElement(By.id("q-why")).sendKeys("Friendly driver, great service");
    browser.findElement(By.cssSelector("label[for='q-again-0']")).click();
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    assertThat(await(By.id("message")).getText()).contains("Thank you");

    JsonNode row = kpiWithinASecond("email", 1);
    assertThat(row.path("value").asDouble()).isEqualTo(100.0);
    List<String> answers = json(t.api("GET", "/api/surveys/delivery_nps/responses", null)).path("answers").findValuesAsText("questionId");
    assertThat(answers).containsExactlyInAnyOrder("nps", "why", "again");
  }

  /** Serves a shop page of another origin that embeds the widget for {@code survey}, and opens it. */
  private void openShop(String survey) throws Exception {
    String key = t.writeKey("website", "web");
    // The shop's backend signs a token for its signed-in customer with the source's signing secret.
    String secret = json(t.api("POST", "/api/sources/website/signing-secret", null)).path("signingSecret").asText();
    String customerToken = CustomerToken.sign(secret, "cust-42", Instant.now().plus(Duration.ofMinutes(15)));
    String page = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head>
        <body><h1>Your order</h1>
        <script src="%s/widget.js" data-write-key="%s" data-customer="cust-42" data-customer-token="%s"
                data-survey="%s" async></script>
        </body></html>""".formatted(t.base, key, customerToken, survey);
    shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    shop.createContext("/", ex -> {
      byte[] b = page.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    shop.start();
    browser.get("http://127.0.0.1:" + shop.getAddress().getPort() + "/order");
  }

  @Test
  void theWidgetTellsACustomerInPlainWordsWhenTheSurveyWasAnsweredMeanwhile() throws Exception {
    t.api("POST", "/api/surveys", SurveyFixtures.deliverySurvey("shop_nps", "null"));
    openShop("shop_nps");
    await(By.id("wayfinder-survey"));
    String token = json(t.api("GET", "/api/surveys/shop_nps/invitations", null)).path("invitations").get(0).path("token").asText();
    assertThat(t.postAs("application/json", "/s/" + token, "{\"answers\": {\"nps\": 9}}").statusCode()).isEqualTo(201);
    await(By.cssSelector("label[for='wf-nps-3']")).click();
    browser.findElement(By.id("wf-send")).click();
    assertThat(await(By.id("wf-status")).getText()).isEqualTo("You have answered this survey already. Thank you for your time!");
  }

  @Test
  void aCustomerAnswersThroughTheWidgetOnAnotherSite() throws Exception {
    t.api("POST", "/api/surveys", SurveyFixtures.deliverySurvey("shop_nps", "null"));
    openShop("shop_nps");
    await(By.id("wayfinder-survey"));
    await(By.cssSelector("label[for='wf-nps-3']")).click();
    browser.findElement(By.id("wf-why")).sendKeys("The website was slow and confusing");
    browser.findElement(By.id("wf-send")).click();
    assertThat(await(By.id("wf-thanks")).getText()).contains("Thank you");

    JsonNode row = kpiWithinASecond("web", 1);
    assertThat(row.path("value").asDouble()).isEqualTo(-100.0);
    JsonNode inv = json(t.api("GET", "/api/surveys/shop_nps/invitations", null)).path("invitations").get(0);
    assertThat(inv.path("via").asText()).isEqualTo("widget");
    assertThat(inv.path("userId").asText()).isEqualTo("cust-42");

    // The customer was just surveyed: the next page view shows no survey.
    browser.get("http://127.0.0.1:" + shop.getAddress().getPort() + "/order");
    Thread.sleep(1000);
    assertThat(browser.findElements(By.id("wayfinder-survey"))).isEmpty();
  }
}
