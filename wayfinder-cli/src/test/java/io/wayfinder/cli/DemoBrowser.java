package io.wayfinder.cli;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A real server loaded with the demo data and a signed-in headless Chromium whose viewport is set
 * exactly (CSS pixels), for browser tests that look at pages; also the admin API and direct SQL on
 * the server's DuckDB file for independent checks of what the pages show.
 */
final class DemoBrowser implements AutoCloseable {
  static final String PASSWORD = "browser test password";
  static final String TOKEN = "browser-test-token";
  static final Path SHOTS = Path.of("target", "screenshots");
  static final ObjectMapper JSON = new ObjectMapper();

  final WayfinderServer server;
  final ChromeDriver browser;
  final String base;
  private final HttpClient http = HttpClient.newHttpClient();

  DemoBrowser(Path data, Path profile) throws Exception {
    server = WayfinderServer.start(new ServerConfig("127.0.0.1", 0, data, TOKEN, PASSWORD));
    DemoData.loadIfEmpty(server, 2000, new PrintStream(OutputStream.nullOutputStream()));
    base = "http://127.0.0.1:" + server.port();
    Files.createDirectories(SHOTS);
    browser = chromium(profile, "--hide-scrollbars");
    viewport(1440, 900);
    browser.get(base + "/ui/login.html");
    browser.findElement(By.id("name")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    until(d -> !d.getCurrentUrl().contains("login.html"));
  }

  /** Headless Debian Chromium as root can run it (see STACK.md), keeping the console log; {@code extra} arguments added. */
  static ChromeDriver chromium(Path profile, String... extra) {
    return HeadlessChromium.start(profile, extra);
  }

  /** The layout viewport in CSS pixels, exactly (a window size would include the browser's frame). */
  void viewport(int width, int height) {
    browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
  }

  /** Opens a page of the app and waits until its heading is there and nothing says Loading…. */
  void open(String route, String heading) throws InterruptedException {
    browser.get(base + "/ui/index.html#/" + route);
    until(d -> d.findElement(By.tagName("h1")).getText().contains(heading)
        && d.findElements(By.xpath("//main//*[text()='Loading…' or text()='Running…']")).isEmpty());
  }

  /** Chooses {@code value} in the select {@code id} as a user would (a change event follows); fails when there is no such option. */
  void choose(String id, String value) {
    Object chosen = browser.executeScript("const s = document.getElementById(arguments[0]); s.value = arguments[1];"
        + " s.dispatchEvent(new Event('change', { bubbles: true })); return s.value;", id, value);
    if (!value.equals(chosen)) throw new AssertionError("#" + id + " has no option " + value);
  }

  /** Polls {@code condition} for up to 30 s (page content arrives asynchronously). */
  void until(Predicate<ChromeDriver> condition) throws InterruptedException {
    HeadlessChromium.until(browser, condition);
  }

  /** The whole page (beyond the viewport) as target/screenshots/{name}.png; returns the path. */
  Path shot(String name) throws Exception {
    Number height = (Number) browser.executeScript("return Math.max(document.documentElement.scrollHeight, innerHeight)");
    Number width = (Number) browser.executeScript("return innerWidth");
    Map<String, Object> r = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
        "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
    Path file = SHOTS.resolve(name + ".png");
    Files.write(file, Base64.getDecoder().decode((String) r.get("data")));
    return file;
  }

  /** An admin API call with the bearer token; the parsed JSON answer (fails on a non-2xx status). */
  JsonNode api(String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + TOKEN);
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) b.header("Content-Type", "application/json");
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) throw new AssertionError(method + " " + path + ": " + r.statusCode() + " " + r.body());
    return JSON.readTree(r.body());
  }

  /** The first column of every row of a query on the server's own DuckDB database. */
  List<String> sql(String query) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = server.database().connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out;
  }

  long sqlCount(String query) throws Exception {
    return Long.parseLong(sql(query).get(0));
  }

  @Override
  public void close() {
    browser.quit();
    server.close();
  }
}
