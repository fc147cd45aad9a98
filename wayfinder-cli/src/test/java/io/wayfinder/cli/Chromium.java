package io.wayfinder.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Headless Chromium (Debian's chromium and chromium-driver) for the web application's browser tests. */
final class Chromium {
  private Chromium() {}

  /** A browser with a fresh profile, a 1400×1000 window and its console log kept. */
  static ChromeDriver start(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000", "--user-data-dir=" + profile);
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
    return new ChromeDriver(service, options);
  }

  /** Polls {@code condition} for up to 30 s (page content arrives asynchronously). */
  static void until(ChromeDriver browser, Predicate<ChromeDriver> condition) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
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
