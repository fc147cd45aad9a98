package io.wayfinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Every control of the funnel builder changes what it claims: the numbers the page shows after
 * setting it equal the API's answer to the same spec and, where the rule is simple enough to
 * write in SQL, a direct DuckDB query on the same data; and they differ from the funnel without
 * the control. The drop-off list holds exactly the customers SQL finds and links to profiles.
 */
class FunnelPageBrowserTest {
  static final String A = "Checkout Started";
  static final String B = "Order Completed";
  /** Activity as the journey index names it, with the store's load order (id) breaking timestamp ties. */
  static final String EVENTS = "(SELECT id, profile_id, coalesce(name, type) AS act, ts FROM events)";
  static final String AFTER = "(b.ts > a.ts OR (b.ts = a.ts AND b.id > a.id))";
  @TempDir static Path data;
  @TempDir static Path profile;
  static DemoBrowser web;
  static Shown plain;

  @BeforeAll
  static void start() throws Exception {
    web = new DemoBrowser(data, profile);
    plain = run(() -> {});
  }

  @AfterAll
  static void stop() {
    if (web != null) web.close();
  }

  /** What the page shows for one run: the summary's figures and the per-step customers and drop-offs. */
  record Shown(long customers, long entered, long converted, long excluded, List<Long> stepCustomers, List<Long> dropOffs) {}

  @Test
  void orderModeStrictCountsOnlyCustomersWhoseNextEventIsTheStep() throws Exception {
    Shown strict = run(() -> web.choose("funnel-order", "strict"));
    assertMatchesApi(strict, "{\"order\": \"strict\"}");
    long sql = web.sqlCount("SELECT count(DISTINCT profile_id) FROM (SELECT profile_id, act, ts, lead(act) OVER w AS next, lead(ts) OVER w AS next_ts "
        + "FROM " + EVENTS + " WINDOW w AS (PARTITION BY profile_id ORDER BY ts, id)) WHERE act = '" + A + "' AND next = '" + B
        + "' AND next_ts <= ts + INTERVAL 30 DAY");
    assertThat(strict.converted()).isEqualTo(sql).isLessThan(plain.converted());
  }

  @Test
  void perStepWindowKeepsOnlyCustomersWhoReachTheStepInTime() throws Exception {
    Shown within = run(() -> find("within-1").sendKeys("1h"));
    assertMatchesApi(within, "{\"steps\": [{\"event\": \"" + A + "\"}, {\"event\": \"" + B + "\", \"within\": \"1h\"}]}");
    long sql = web.sqlCount("SELECT count(DISTINCT a.profile_id) FROM " + EVENTS + " a JOIN " + EVENTS + " b USING (profile_id) "
        + "WHERE a.act = '" + A + "' AND b.act = '" + B + "' AND " + AFTER + " AND b.ts <= a.ts + INTERVAL 1 HOUR");
    assertThat(within.converted()).isEqualTo(sql).isLessThan(plain.converted());
  }

  @Test
  void exclusionCutsAttemptsThatMeetTheEvent() throws Exception {
    Shown excluded = run(() -> {
      find("add-exclusion").click();
      web.choose("exclusion-0", "Payment Failed");
    });
    assertMatchesApi(excluded, "{\"exclusions\": [{\"event\": \"Payment Failed\"}]}");
    assertThat(excluded.excluded()).isPositive();
    assertThat(excluded.entered() + excluded.excluded()).isLessThanOrEqualTo(plain.entered());
    assertThat(excluded.entered()).isLessThan(plain.entered());
    // every excluded customer met the exclusion after a first step, within the window (SQL)
    long metIt = web.sqlCount("SELECT count(DISTINCT a.profile_id) FROM " + EVENTS + " a JOIN " + EVENTS + " b USING (profile_id) "
        + "WHERE a.act = '" + A + "' AND b.act = 'Payment Failed' AND " + AFTER + " AND b.ts <= a.ts + INTERVAL 30 DAY");
    assertThat(excluded.excluded()).isLessThanOrEqualTo(metIt);
  }

  @Test
  void breakdownByChannelSplitsTheEnteredCustomersByTheFirstStepsChannel() throws Exception {
    run(() -> web.choose("funnel-breakdown", "channel"));
    JsonNode api = apiFunnel("{\"breakdown\": {\"by\": \"channel\"}}");
    List<List<String>> rows = cells("#funnel-breakdown-result tbody tr");
    assertThat(rows).hasSize(api.path("breakdown").size()).hasSizeGreaterThan(1);
    long sum = 0;
    Set<String> groups = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      JsonNode g = api.path("breakdown").get(i);
      assertThat(rows.get(i).get(0)).isEqualTo(g.path("value").asText());
      assertThat(number(rows.get(i).get(1))).isEqualTo(g.path("entered").asLong());
      assertThat(number(rows.get(i).get(2))).isEqualTo(g.path("converted").asLong());
      sum += number(rows.get(i).get(1));
      groups.add(rows.get(i).get(0));
    }
    assertThat(sum).isEqualTo(plain.entered());
    assertThat(web.sql("SELECT DISTINCT channel FROM events WHERE coalesce(name, type) = '" + A + "'")).containsAll(groups);
  }

  @Test
  void segmentKeepsOnlyCustomersWithTheTrait() throws Exception {
    String plan = web.sql("SELECT v FROM (SELECT profile_id, arg_max(value, set_at)->>'$' AS v FROM trait_history WHERE trait = 'plan' GROUP BY 1) "
        + "GROUP BY v ORDER BY count(*) DESC LIMIT 1").get(0);
    Shown segment = run(() -> find("funnel-segment").sendKeys("plan=" + plan));
    assertMatchesApi(segment, "{\"segment\": \"plan=" + plan + "\"}");
    long sql = web.sqlCount("SELECT count(DISTINCT profile_id) FROM " + EVENTS + " WHERE act = '" + A + "' AND profile_id IN ("
        + "SELECT profile_id FROM trait_history WHERE trait = 'plan' GROUP BY 1 HAVING arg_max(value, set_at)->>'$' = '" + plan + "')");
    assertThat(segment.entered()).isEqualTo(sql).isLessThan(plain.entered());
  }

  @Test
  void dropOffListHoldsTheCustomersWhoDroppedOffAndOpensTheirProfiles() throws Exception {
    // within 30 days every demo customer who starts a checkout completes an order: ask for one hour
    Shown within = run(() -> find("within-1").sendKeys("1h"));
    web.browser.findElement(By.cssSelector("button.drop-off[data-step='2']")).click();
    web.until(d -> !d.findElements(By.cssSelector("#funnel-dropped a.customer-link")).isEmpty());
    List<String> listed = web.browser.findElements(By.cssSelector("#funnel-dropped a.customer-link")).stream().map(WebElement::getText).toList();
    assertThat(web.browser.findElement(By.cssSelector("#funnel-dropped h2")).getText()).endsWith(": " + String.format("%,d", listed.size()));
    // a customer is named by their user id, else by their profile number
    String droppedSql = "SELECT coalesce(min(i.value), CAST(p.profile_id AS VARCHAR)) FROM (SELECT profile_id FROM " + EVENTS
        + " WHERE act = '" + A + "' EXCEPT SELECT a.profile_id FROM " + EVENTS + " a JOIN " + EVENTS + " b USING (profile_id) WHERE a.act = '" + A
        + "' AND b.act = '" + B + "' AND " + AFTER + " AND b.ts <= a.ts + INTERVAL 1 HOUR) p "
        + "LEFT JOIN identities i ON i.profile_id = p.profile_id AND i.kind = 'user_id' GROUP BY p.profile_id";
    List<String> sql = web.sql(droppedSql);
    assertThat(listed).hasSize(within.dropOffs().get(1).intValue()).containsExactlyInAnyOrderElementsOf(sql);
    web.browser.findElement(By.cssSelector("#funnel-dropped a.customer-link")).click();
    web.until(d -> !d.findElements(By.cssSelector("section[aria-label=Identity]")).isEmpty());
    assertThat(web.browser.findElement(By.tagName("main")).getText()).contains(listed.get(0));
  }

  /** The page's figures equal the API's for the same spec (the 2-step funnel plus {@code extra} fields). */
  private static void assertMatchesApi(Shown shown, String extra) throws Exception {
    JsonNode api = apiFunnel(extra);
    assertThat(shown.entered()).isEqualTo(api.path("entered").asLong());
    assertThat(shown.converted()).isEqualTo(api.path("converted").asLong());
    assertThat(shown.excluded()).isEqualTo(api.path("excluded").asLong());
    assertThat(shown.customers()).isEqualTo(api.path("customers").asLong());
    List<Long> steps = new ArrayList<>();
    api.path("steps").forEach(s -> steps.add(s.path("customers").asLong()));
    assertThat(shown.stepCustomers()).isEqualTo(steps);
  }

  private static JsonNode apiFunnel(String extra) throws Exception {
    var body = (com.fasterxml.jackson.databind.node.ObjectNode) DemoBrowser.JSON.readTree(
        "{\"steps\": [{\"event\": \"" + A + "\"}, {\"event\": \"" + B + "\"}], \"window\": \"30d\"}");
    body.setAll((com.fasterxml.jackson.databind.node.ObjectNode) DemoBrowser.JSON.readTree(extra));
    return web.api("POST", "/api/funnels", body.toString());
  }

  interface Setup {
    void apply() throws Exception;
  }

  /** Opens the funnel page afresh, builds the funnel A → B, applies {@code setup}, runs it and reads what it shows. */
  static Shown run(Setup setup) throws Exception {
    web.browser.get("about:blank");
    web.open("funnels", "Funnels and paths");
    while (web.browser.findElements(By.cssSelector("#funnel-steps li")).size() > 2) {
      web.browser.findElement(By.cssSelector("#funnel-steps li:last-child button")).click();
    }
    web.choose("step-0", A);
    web.choose("step-1", B);
    setup.apply();
    find("run-funnel").click();
    web.until(d -> !d.findElements(By.id("funnel-summary")).isEmpty());
    String[] summary = find("funnel-summary").getText().split(" · ");
    List<List<String>> rows = cells("#funnel-result section[aria-label='Funnel steps'] tbody tr");
    return new Shown(number(summary[0]), number(summary[1]), number(summary[2].replaceAll("\\(.*\\)", "")), number(summary[3]),
        rows.stream().map(r -> number(r.get(2))).toList(), rows.stream().map(r -> number(r.get(5))).toList());
  }

  private static WebElement find(String id) {
    return web.browser.findElement(By.id(id));
  }

  private static List<List<String>> cells(String rowSelector) {
    return web.browser.findElements(By.cssSelector(rowSelector)).stream()
        .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
  }

  /** The leading number of a displayed figure such as "1,234 entered". */
  private static long number(String text) {
    return Long.parseLong(text.trim().split(" ")[0].replace(",", ""));
  }
}
