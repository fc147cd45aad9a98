package io.wayfinder.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium, headless as root needs it (see STACK.md), and polling for content that arrives asynchronously. */
final class HeadlessChromium {
  private HeadlessChromium() {}

  /** A browser with a fresh profile in {@code profile}, a 1400×1000 window unless {@code extra} sets one, keeping the console log. */
  static ChromeDriver start(Path profile, String... extra) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile);
    if (java.util.Arrays.stream(extra).noneMatch(a -> a.startsWith("--window-size="))) options.addArguments("--window-size=1400,1000");
    options.addArguments(extra);
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
    return new ChromeDriver(service, options);
  }

  /** Signs in on the login page as {@code admin} and waits for the overview. */
  static void signIn(ChromeDriver browser, String base, String password) throws InterruptedException {
    browser.get(base + "/");
    until(browser, d -> d.getCurrentUrl().contains("login.html"));
    browser.findElement(By.id("name")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    until(browser, d -> d.findElement(By.tagName("h1")).getText().contains("Overview"));
  }

  /** Polls {@code condition} for up to 60 s (page content arrives asynchronously). */
  static void until(ChromeDriver browser, Predicate<ChromeDriver> condition) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        if (condition.test(browser)) return;
      } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
        // not there yet
      }
      if (System.nanoTime() > end) throw new AssertionError("timed out on " + browser.getCurrentUrl() + ": " + browser.findElement(By.tagName("body")).getText());
      Thread.sleep(100);
    }
  }
}
