package io.wayfinder.server.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.core.generate.JourneyCatalog;
import io.wayfinder.core.journey.definition.CatalogDefinitions;
import io.wayfinder.core.journey.definition.JourneyDefinition;
import io.wayfinder.server.JsonSupport;
import io.wayfinder.server.StoreSql;
import io.wayfinder.server.TestServer;
import io.wayfinder.server.voc.GeneratedData;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every filter of the journey map, its step drill-down and its pain points changes the answer,
 * and the filtered answer equals a direct DuckDB SQL computation over the same store: the
 * unfiltered instance list is put in a table, and SQL applies the filter to the raw events and
 * traits. Generated demo data; no expectation depends on its exact numbers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JourneyFiltersTest {
  static final String JOURNEY = "online_order";
  @TempDir static Path dir;
  TestServer t;
  StoreSql sql;
  JourneyDefinition def;
  int allInstances;

  @BeforeAll
  void load() throws Exception {
    t = new TestServer(dir.resolve("data"));
    GeneratedData.loadWithSummary(t.server, 700, 11, dir);
    for (JourneyDefinition d : CatalogDefinitions.of(JourneyCatalog.generated())) t.server.journeys().definitions().put(d);
    def = t.server.journeys().definitions().find(JOURNEY).orElseThrow();
    sql = new StoreSql(t);
    JsonNode all = json("/api/journeys/" + JOURNEY + "/instances?limit=100000");
    allInstances = all.path("total").asInt();
    assertThat(allInstances).isGreaterThan(100);
    sql.execute("CREATE TEMP TABLE inst (customer VARCHAR, started TIMESTAMPTZ, last TIMESTAMPTZ)");
    sql.execute("CREATE TEMP TABLE journey_events (name VARCHAR)");
    // customers are named by their user id, else their profile number, as the journey index names them
    sql.execute("CREATE TEMP TABLE cust AS SELECT p.profile_id, coalesce(min(i.value), CAST(p.profile_id AS VARCHAR)) AS customer "
        + "FROM (SELECT DISTINCT profile_id FROM events) p LEFT JOIN identities i ON i.profile_id = p.profile_id AND i.kind = 'user_id' "
        + "GROUP BY p.profile_id");
    sql.execute("CREATE TEMP TABLE plan AS SELECT c.customer, v->>'$' AS plan FROM (SELECT profile_id, arg_max(value, (set_at, rowid)) AS v "
        + "FROM trait_history WHERE trait = 'plan' GROUP BY profile_id) x JOIN cust c USING (profile_id)");
    try (PreparedStatement ps = sql.connection.prepareStatement("INSERT INTO inst VALUES (?, ?, ?)")) {
      for (JsonNode i : all.path("instances")) {
        ps.setString(1, i.path("customer").asText());
        ps.setObject(2, Instant.parse(i.path("startedAt").asText()).atOffset(ZoneOffset.UTC));
        ps.setObject(3, Instant.parse(i.path("lastEventAt").asText()).atOffset(ZoneOffset.UTC));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    Set<String> names = new LinkedHashSet<>(List.of(def.entryEvent(), def.goalEvent()));
    def.stages().forEach(s -> s.touchpoints().forEach(tp -> names.add(tp.event())));
    try (PreparedStatement ps = sql.connection.prepareStatement("INSERT INTO journey_events VALUES (?)")) {
      for (String n : names) {
        ps.setString(1, n);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  @AfterAll
  void stop() throws Exception {
    sql.close();
    t.close();
  }

  private JsonNode json(String path) throws Exception {
    HttpResponse<String> r = t.api("GET", path, null);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return JsonSupport.MAPPER.readTree(r.body());
  }

  private long count(String query, Object... args) throws Exception {
    return sql.count(query, args);
  }

  private String value(String query) throws Exception {
    return sql.text(query);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The instance's events: the customer's journey events from its first to its last. */
  private static final String EVENTS_OF_INSTANCE = "SELECT 1 FROM events e JOIN cust c USING (profile_id) "
      + "WHERE c.customer = i.customer AND e.ts BETWEEN i.started AND i.last AND e.name IN (SELECT name FROM journey_events)";

  @Test
  void theChannelFilterKeepsTheInstancesWithAnEventOnThatChannel() throws Exception {
    long expected = count("SELECT count(*) FROM inst i WHERE EXISTS (" + EVENTS_OF_INSTANCE + " AND e.channel = 'call_centre')");
    JsonNode m = json("/api/journeys/" + JOURNEY + "/map?channel=call_centre");
    assertThat(expected).isPositive().isLessThan(allInstances);
    assertThat(m.path("instances").asInt()).isEqualTo(expected);
    assertThat(json("/api/journeys/" + JOURNEY + "/instances?channel=call_centre").path("total").asInt()).isEqualTo(expected);
    assertThat(json("/api/journeys/" + JOURNEY + "/map?channel=telepathy").path("instances").asInt()).isZero();
  }

  @Test
  void theSegmentFilterKeepsTheInstancesOfCustomersWithThatTrait() throws Exception {
    String plan = value("SELECT plan FROM inst JOIN plan USING (customer) GROUP BY plan ORDER BY count(*) DESC, plan LIMIT 1");
    long expected = count("SELECT count(*) FROM inst JOIN plan USING (customer) WHERE plan = ?", plan);
    assertThat(expected).isPositive().isLessThan(allInstances);
    assertThat(json("/api/journeys/" + JOURNEY + "/map?segment=" + enc("plan=" + plan)).path("instances").asInt()).isEqualTo(expected);
    assertThat(json("/api/journeys/" + JOURNEY + "/map?segment=" + enc("plan=nonexistent")).path("instances").asInt()).isZero();
    HttpResponse<String> bad = t.api("GET", "/api/journeys/" + JOURNEY + "/map?segment=plan", null);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("segment:");
  }

  @Test
  void thePeriodKeepsTheInstancesThatStartedInIt() throws Exception {
    String from = value("SELECT strftime(timezone('UTC', quantile_disc(started, 0.3)), '%Y-%m-%d') FROM inst");
    String to = value("SELECT strftime(timezone('UTC', quantile_disc(started, 0.7)), '%Y-%m-%d') FROM inst");
    // a `to` date includes its whole day
    long expected = count("SELECT count(*) FROM inst WHERE started >= CAST(? AS DATE) AND started < CAST(? AS DATE) + INTERVAL 1 DAY", from, to);
    assertThat(expected).isPositive().isLessThan(allInstances);
    JsonNode m = json("/api/journeys/" + JOURNEY + "/map?from=" + from + "&to=" + to);
    assertThat(m.path("instances").asInt()).isEqualTo(expected);
    assertThat(m.path("stages").get(0).path("instances").asInt()).isLessThanOrEqualTo((int) expected);
  }

  @Test
  void aStepListsItsDistinctCustomersAndTheirNumberIsTheStepsNumber() throws Exception {
    String filter = "?channel=call_centre";
    JsonNode map = json("/api/journeys/" + JOURNEY + "/map" + filter);
    JsonNode node = null;
    for (JsonNode n : map.path("nodes")) if (n.path("event").asText().equals("Payment Failed")) node = n;
    assertThat(node).isNotNull();
    JsonNode step = json("/api/journeys/" + JOURNEY + "/customers" + filter + "&event=" + enc("Payment Failed") + "&limit=100000");
    assertThat(step.path("total").asInt()).isEqualTo(node.path("customers").asInt());
    Set<String> listed = new LinkedHashSet<>();
    for (JsonNode c : step.path("customers")) listed.add(c.path("customer").asText());
    assertThat(listed).hasSize(step.path("customers").size()).hasSize(step.path("total").asInt());
    long expected = count("SELECT count(DISTINCT i.customer) FROM inst i WHERE EXISTS (" + EVENTS_OF_INSTANCE
        + " AND e.channel = 'call_centre') AND EXISTS (" + EVENTS_OF_INSTANCE + " AND e.name = 'Payment Failed')");
    assertThat(expected).isPositive();
    assertThat(listed).hasSize((int) expected);
    // not the customers of the stage: fewer customers failed to pay than reached Request
    assertThat(expected).isLessThan(map.path("stages").get(1).path("instances").asInt());
    assertThat(t.api("GET", "/api/journeys/" + JOURNEY + "/customers", null).body()).contains("event:");
  }

  @Test
  void valueAtStakeCountsEachCustomerOnceAndFollowsThePeriod() throws Exception {
    JsonNode all = json("/api/painpoints");
    JsonNode total = all.path("total");
    double revenue = count("SELECT CAST(round(sum(TRY_CAST(properties->>'revenue' AS DOUBLE))) AS BIGINT) FROM events "
        + "WHERE name = 'Order Completed'");
    double sumOfPoints = 0;
    double largest = 0;
    for (JsonNode p : all.path("painPoints")) {
      sumOfPoints += p.path("valueAtStake").asDouble();
      largest = Math.max(largest, p.path("valueAtStake").asDouble());
    }
    assertThat(all.path("painPoints").size()).isGreaterThan(1);
    assertThat(total.path("customerValue").asDouble()).isLessThanOrEqualTo(revenue + 1);
    assertThat(total.path("valueAtStake").asDouble()).isBetween(largest, Math.min(sumOfPoints, total.path("customerValue").asDouble()));
    assertThat(total.path("customers").asInt()).isLessThanOrEqualTo((int) count("SELECT count(DISTINCT customer) FROM inst"));
    assertThat(total.path("method").asText()).contains("once");

    String from = value("SELECT strftime(timezone('UTC', quantile_disc(started, 0.75)), '%Y-%m-%d') FROM inst");
    JsonNode late = json("/api/painpoints?from=" + from);
    assertThat(late.path("total").path("valueAtStake").asDouble()).isLessThan(total.path("valueAtStake").asDouble());
    // the customers at stake in a period are customers with an instance (of some journey) started in it
    long activeThen = count("SELECT count(DISTINCT c.customer) FROM events e JOIN cust c USING (profile_id) WHERE e.ts >= CAST(? AS DATE)", from);
    assertThat(late.path("total").path("customers").asInt()).isPositive().isLessThanOrEqualTo((int) activeThen);
  }

  @Test
  void journeyPathsCountTheSameTransitionsAsTheMapOnTheSameFilter() throws Exception {
    String plan = value("SELECT plan FROM inst JOIN plan USING (customer) GROUP BY plan ORDER BY count(*) DESC, plan LIMIT 1");
    String from = value("SELECT strftime(timezone('UTC', quantile_disc(started, 0.2)), '%Y-%m-%d') FROM inst");
    for (String filter : List.of("", "&segment=" + enc("plan=" + plan) + "&from=" + from)) {
      JsonNode map = json("/api/journeys/" + JOURNEY + "/map?x=1" + filter);
      Map<String, Integer> mapOut = new HashMap<>();
      int anchorEvents = 0;
      for (JsonNode l : map.path("links")) if (l.path("from").asText().equals("Payment Failed")) mapOut.put(l.path("to").asText(), l.path("count").asInt());
      for (JsonNode n : map.path("nodes")) if (n.path("event").asText().equals("Payment Failed")) anchorEvents = n.path("events").asInt();
      JsonNode paths = json("/api/paths?anchor=" + enc("Payment Failed") + "&steps=1&topK=50&journey=" + JOURNEY + "&occurrences=every" + filter);
      Map<String, Integer> pathOut = new HashMap<>();
      int ended = 0;
      for (JsonNode l : paths.path("links")) {
        if (l.path("to").asText().equals("(end)")) ended = l.path("count").asInt();
        else pathOut.put(l.path("to").asText(), l.path("count").asInt());
      }
      assertThat(mapOut).as(filter).isNotEmpty();
      assertThat(pathOut).as(filter).isEqualTo(mapOut);
      assertThat(paths.path("paths").asInt()).isEqualTo(anchorEvents);
      assertThat(ended).isEqualTo(anchorEvents - mapOut.values().stream().mapToInt(Integer::intValue).sum());
    }
    // direct SQL: Payment Failed directly followed by Support Call within the instances
    long direct = count("SELECT count(*) FROM (SELECT e.name, lead(e.name) OVER (PARTITION BY i.customer, i.started ORDER BY e.ts, e.id) AS nxt "
        + "FROM inst i JOIN cust c ON c.customer = i.customer JOIN events e ON e.profile_id = c.profile_id "
        + "AND e.ts BETWEEN i.started AND i.last AND e.name IN (SELECT name FROM journey_events)) WHERE name = 'Payment Failed' AND nxt = 'Support Call'");
    JsonNode paths = json("/api/paths?anchor=" + enc("Payment Failed") + "&steps=1&topK=50&journey=" + JOURNEY + "&occurrences=every");
    int calls = 0;
    for (JsonNode l : paths.path("links")) if (l.path("to").asText().equals("Support Call")) calls = l.path("count").asInt();
    assertThat(direct).isPositive();
    assertThat(calls).isEqualTo(direct);
    // a 30-minute session cuts most of them: the gap is the user's to set
    JsonNode sessions = json("/api/paths?anchor=" + enc("Payment Failed") + "&steps=1&topK=50&sessionGap=30m");
    JsonNode days = json("/api/paths?anchor=" + enc("Payment Failed") + "&steps=1&topK=50&sessionGap=30d");
    assertThat(sessions.path("steps").get(0).path("dropOff").asInt()).isGreaterThan(days.path("steps").get(0).path("dropOff").asInt());
    assertThat(t.api("GET", "/api/paths?anchor=X&journey=nope", null).body()).contains("journey:");
    assertThat(t.api("GET", "/api/paths?anchor=X&occurrences=all", null).body()).contains("occurrences:");
  }
}
