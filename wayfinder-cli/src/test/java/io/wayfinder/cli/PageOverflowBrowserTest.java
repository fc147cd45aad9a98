package io.wayfinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * No clipped or overlapping text on any page of the web app at 1440×900 and 1280×800: every page
 * (and the hosted survey page and the journey map's SVG export) is opened at both sizes, checked by
 * layout-check.js (HTML text boxes, ECharts texts, the Cytoscape flow) and kept as a full-page
 * screenshot in target/screenshots/{page}-{w}x{h}.png, the build's artefacts to look at.
 */
class PageOverflowBrowserTest {
  @TempDir static Path data;
  @TempDir static Path profile;
  static DemoBrowser web;
  static String check;
  static String surveyToken;
  static String customer;

  @BeforeAll
  static void start() throws Exception {
    web = new DemoBrowser(data, profile);
    try (InputStream in = PageOverflowBrowserTest.class.getResourceAsStream("layout-check.js")) {
      check = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    web.api("POST", "/api/surveys", """
        {"id": "delivery_nps", "name": "How was your delivery?", "level": "touchpoint", "journey": "online_order",
         "questions": [
           {"id": "nps", "type": "nps", "text": "How likely are you to recommend us to a friend?", "required": true},
           {"id": "why", "type": "text", "text": "What is the main reason for your score?", "required": false},
           {"id": "again", "type": "choice", "text": "Would you order again?", "choices": ["yes", "no"], "required": false}],
         "trigger": null}""");
    customer = web.sql("SELECT profile_id FROM events GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").get(0);
    surveyToken = web.api("POST", "/api/surveys/delivery_nps/invitations", "{\"customer\": \"cust-00001\", \"channel\": \"email\"}")
        .path("token").asText();
  }

  @AfterAll
  static void stop() {
    if (web != null) web.close();
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"1440, 900", "1280, 800"})
  void noPageHasClippedOrOverlappingText(int width, int height) throws Exception {
    web.viewport(width, height);
    Map<String, List<String>> problems = new LinkedHashMap<>();
    for (String[] p : new String[][] {{"overview", "overview", "Overview"}, {"journey-map", "journeys/online_order", "journey"},
        {"funnels", "funnels", "Funnels and paths"}, {"feedback", "feedback", "Feedback"}, {"customers", "customers", "Customers"},
        {"profile", "customers/" + customer, ""}, {"value", "value", "Value"}, {"settings", "settings", "Settings"}}) {
      long t0 = System.nanoTime();
      web.browser.get("about:blank");
      web.open(p[1], p[2]);
      long t1 = System.nanoTime();
      if (p[0].equals("funnels")) {
        web.browser.findElement(By.id("run-funnel")).click();
        web.browser.findElement(By.cssSelector("form[aria-label='Explore paths'] button[type=submit]")).click();
        web.until(d -> !d.findElements(By.cssSelector("#funnel-result canvas")).isEmpty() && !d.findElements(By.cssSelector("#path-result canvas")).isEmpty());
      }
      if (p[0].equals("feedback")) {
        web.choose("f-journey", "online_order");
        web.until(d -> !d.findElements(By.cssSelector("section[aria-label^='Key drivers'] canvas")).isEmpty());
      }
      if (p[0].equals("profile")) web.until(d -> !d.findElements(By.cssSelector("section[aria-label=Timeline] li")).isEmpty());
      settle();
      long t2 = System.nanoTime();
      problems.put(p[0], problems(width, height, p[0]));
      System.out.printf("%s at %dx%d: open %d ms, draw %d ms, check %d ms%n", p[0], width, height, (t1 - t0) / 1_000_000,
          (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
    }
    web.browser.get(web.base + "/s/" + surveyToken);
    web.until(d -> !d.findElements(By.tagName("form")).isEmpty());
    problems.put("survey", problems(width, height, "survey"));
    web.browser.get(web.base + "/api/journeys/online_order/map?format=svg");
    problems.put("journey-map-svg", svgProblems(width, height));
    problems.values().removeIf(List::isEmpty);
    assertThat(problems).as("clipped or overlapping text at %dx%d", width, height).isEmpty();
  }

  /** Waits for charts and the flow graph to draw (they draw on the next animation frame). */
  private static void settle() throws InterruptedException {
    web.until(d -> Boolean.TRUE.equals(d.executeScript("return new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok(true))))")));
    Thread.sleep(200);
  }

  @SuppressWarnings("unchecked")
  private static List<String> problems(int width, int height, String page) throws Exception {
    web.shot(page + "-" + width + "x" + height);
    return new ArrayList<>((List<String>) web.browser.executeScript(check));
  }

  /** The stage headers and boxes of the SVG map: no text outside the image, none overlapping another. */
  @SuppressWarnings("unchecked")
  private static List<String> svgProblems(int width, int height) throws Exception {
    web.shot("journey-map-svg-" + width + "x" + height);
    return new ArrayList<>((List<String>) web.browser.executeScript("""
        const svg = document.documentElement, W = svg.width.baseVal.value, H = svg.height.baseVal.value, out = [];
        const texts = [...document.querySelectorAll('text')].map((t) => ({ s: t.textContent, b: t.getBBox() }));
        for (const t of texts) if (t.b.x < 0 || t.b.y < 0 || t.b.x + t.b.width > W || t.b.y + t.b.height > H) out.push('outside the image: ' + t.s);
        for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
          const a = texts[i].b, b = texts[j].b;
          if (Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 1 && Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 1)
            out.push('overlapping: "' + texts[i].s + '" and "' + texts[j].s + '"');
        }
        return out;"""));
  }

  @Test
  void flowIsLaidOutByStageLeftToRight() throws Exception {
    web.viewport(1440, 900);
    web.browser.get("about:blank");
    web.open("journeys/online_order", "journey");
    settle();
    List<String> order = web.api("GET", "/api/journeys/online_order/map", null).path("stages").findValuesAsText("name");
    // per stage (in the journey's order) the leftmost and rightmost x of its nodes in the graph
    List<List<Number>> spans = (List<List<Number>>) web.browser.executeScript("""
        const cy = document.getElementById('graph')._cyreg.cy;
        return arguments[0].map((s) => { const xs = cy.nodes().filter((n) => n.data('stage') === s).map((n) => n.position('x'));
          return xs.length ? [Math.min(...xs), Math.max(...xs)] : null; });""", order);
    List<List<Number>> present = spans.stream().filter(s -> s != null).toList();
    assertThat(present).hasSizeGreaterThan(2);
    for (int i = 1; i < present.size(); i++) {
      assertThat(present.get(i).get(0).doubleValue()).as("stage %d starts right of stage %d", i, i - 1)
          .isGreaterThan(present.get(i - 1).get(1).doubleValue());
    }
  }
}
