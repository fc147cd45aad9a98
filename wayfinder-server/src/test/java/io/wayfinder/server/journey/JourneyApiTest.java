package io.wayfinder.server.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wayfinder.server.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JourneyApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  private static final String ORDER = """
      {"id": "order", "name": "Order", "owner": "Shop", "entryEvent": "Checkout", "goalEvent": "Paid", "abandonAfter": "2d",
       "stages": [{"name": "Request", "touchpoints": [{"event": "Checkout"}, {"event": "Pay Failed"}, {"event": "Paid"}]},
                  {"name": "Respond", "touchpoints": [{"event": "Shipped"}]}]}""";
  private static final String STEPS = "\"steps\": [{\"event\": \"Product\"}, {\"event\": \"Order Completed\"}]";
  private static final String JOURNEY = "\"id\": \"j1\", \"entryEvent\": \"A\", \"goalEvent\": \"B\"";
  @TempDir static Path dir;
  static TestServer t;

  @BeforeAll
  static void start() throws Exception {
    t = new TestServer(dir);
    String key = t.writeKey("web", "web");
    ArrayNode batch = JSON.createArrayNode();
    // 4 customers check out; 2 fail to pay, one of them phones the call centre; 3 pay
    add(batch, "u1", 0, "Checkout", "web");
    add(batch, "u1", 1, "Paid", "web");
    add(batch, "u2", 0, "Checkout", "web");
    add(batch, "u2", 1, "Pay Failed", "web");
    add(batch, "u2", 60, "Support Call", "call_centre");
    add(batch, "u2", 61, "Paid", "call_centre");
    add(batch, "u3", 0, "Checkout", "app");
    add(batch, "u3", 2, "Pay Failed", "app");
    add(batch, "u4", 0, "Checkout", "web");
    add(batch, "u4", 1, "Paid", "web");
    add(batch, "u4", 100, "Shipped", "partner");
    HttpResponse<String> r = t.post("/v1/batch", key, JSON.writeValueAsString(JSON.createObjectNode().set("batch", batch)));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(t.api("POST", "/api/journeys", ORDER).statusCode()).isEqualTo(201);
  }

  private static void add(ArrayNode batch, String user, int minute, String event, String channel) {
    ObjectNode m = batch.addObject();
    m.put("type", "track").put("event", event).put("userId", user).put("timestamp", T0.plusSeconds(60L * minute).toString());
    m.putObject("context").put("channel", channel);
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  private static JsonNode ok(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
    return JSON.readTree(r.body());
  }

  @Test
  void definitionsHaveCrudAndBadOnesGetAProblemNamingTheField() throws Exception {
    assertThat(ok(t.api("GET", "/api/journeys", null)).path("journeys").get(0).path("id").asText()).isEqualTo("order");
    assertThat(t.api("POST", "/api/journeys", ORDER).statusCode()).isEqualTo(409);
    String other = ORDER.replace("\"order\"", "\"other\"");
    assertThat(t.api("PUT", "/api/journeys/other", other).statusCode()).isEqualTo(201);
    assertThat(t.api("PUT", "/api/journeys/other", other.replace("\"Shop\"", "\"Ops\"")).statusCode()).isEqualTo(200);
    assertThat(ok(t.api("GET", "/api/journeys/other", null)).path("owner").asText()).isEqualTo("Ops");
    assertThat(t.api("DELETE", "/api/journeys/other", null).statusCode()).isEqualTo(204);
    assertThat(t.api("GET", "/api/journeys/other", null).statusCode()).isEqualTo(404);
    HttpResponse<String> bad = t.api("POST", "/api/journeys", ORDER.replace("\"2d\"", "\"later\""));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type")).get().asString().contains("problem+json");
    assertThat(JSON.readTree(bad.body()).path("detail").asText()).startsWith("abandonAfter:");
    assertThat(t.api("GET", "/api/journeys", null).statusCode()).isEqualTo(200);
    assertThat(t.api("GET", "/api/journeys", null).body()).doesNotContain("\"other\"");
  }

  @Test
  void instancesAreListedAndFilteredByStatusStageAndPeriod() throws Exception {
    JsonNode all = ok(t.api("GET", "/api/journeys/order/instances", null));
    assertThat(all.path("total").asInt()).isEqualTo(4);
    JsonNode converted = ok(t.api("GET", "/api/journeys/order/instances?status=converted", null));
    assertThat(converted.path("total").asInt()).isEqualTo(3);
    JsonNode u2 = ok(t.api("GET", "/api/journeys/order/instances?status=converted&limit=10", null)).path("instances").get(1);
    assertThat(u2.path("customer").asText()).isEqualTo("u2");
    assertThat(u2.path("channels").toString()).isEqualTo("[\"web\",\"call_centre\"]");
    JsonNode respond = ok(t.api("GET", "/api/journeys/order/instances?stage=Respond", null));
    assertThat(respond.path("total").asInt()).isEqualTo(1);
    assertThat(respond.path("instances").get(0).path("customer").asText()).isEqualTo("u4");
    assertThat(ok(t.api("GET", "/api/journeys/order/instances?from=2024-05-02", null)).path("total").asInt()).isZero();
    assertThat(t.api("GET", "/api/journeys/order/instances?status=lost", null).statusCode()).isEqualTo(400);
    assertThat(t.api("GET", "/api/journeys/order/instances?from=yesterday", null).body()).contains("from:");
  }

  @Test
  void discoveryOfAJourneyAndOfASliceHasTheEngineShape() throws Exception {
    JsonNode j = ok(t.api("GET", "/api/journeys/order/discovery", null));
    assertThat(j.path("cases").asInt()).isEqualTo(4);
    assertThat(j.path("directlyFollows").get(0).path("from").asText()).isEqualTo("Checkout");
    JsonNode web = ok(t.api("GET", "/api/discovery?channel=call_centre", null));
    assertThat(web.path("events").asInt()).isEqualTo(2);
    assertThat(web.path("startActivities").get(0).path("name").asText()).isEqualTo("Support Call");
    assertThat(t.api("GET", "/api/discovery?journey=nope", null).statusCode()).isEqualTo(400);
  }

  @Test
  void theMapComesAsJsonDotAndSvg() throws Exception {
    JsonNode m = ok(t.api("GET", "/api/journeys/order/map", null));
    assertThat(m.path("stages").get(0).path("instances").asInt()).isEqualTo(4);
    assertThat(m.path("stages").get(1).path("instances").asInt()).isEqualTo(1);
    assertThat(t.api("GET", "/api/journeys/order/map?format=dot", null).body()).startsWith("digraph");
    HttpResponse<String> svg = t.api("GET", "/api/journeys/order/map?format=svg", null);
    assertThat(svg.headers().firstValue("Content-Type")).get().asString().startsWith("image/svg+xml");
    assertThat(svg.body()).startsWith("<svg");
    assertThat(t.api("GET", "/api/journeys/order/map?format=png", null).statusCode()).isEqualTo(400);
  }

  @Test
  void funnelsRunFromAJsonSpecAndListCustomersAtAStep() throws Exception {
    String spec = "{\"steps\": [{\"event\": \"Checkout\"}, {\"event\": \"Pay Failed\", \"optional\": true}, {\"event\": \"Paid\"}],"
        + " \"order\": \"ordered\", \"window\": \"1d\", \"breakdown\": {\"by\": \"channel\"}}";
    JsonNode f = ok(t.api("POST", "/api/funnels", spec));
    assertThat(f.path("entered").asInt()).isEqualTo(4);
    assertThat(f.path("converted").asInt()).isEqualTo(3);
    assertThat(f.path("steps").get(1).path("customers").asInt()).isEqualTo(2);
    assertThat(f.path("breakdown").get(0).path("value").asText()).isEqualTo("web");
    JsonNode dropped = ok(t.api("POST", "/api/funnels?customersAt=3&dropped=true", spec));
    assertThat(dropped.path("customers").toString()).isEqualTo("[\"u3\"]");
    HttpResponse<String> bad = t.api("POST", "/api/funnels", "{\"steps\": [], \"window\": \"1d\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).path("detail").asText()).startsWith("steps:");
    HttpResponse<String> misspelt = t.api("POST", "/api/funnels", "{\"stepz\": []}");
    assertThat(misspelt.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(misspelt.body()).path("detail").asText()).startsWith("step");
  }

  @Test
  void fromAndToTakeDatesInBodiesAsInQueriesAndAToDateIncludesItsDay() throws Exception {
    String steps = "\"steps\": [{\"event\": \"Checkout\"}, {\"event\": \"Paid\"}]";
    assertThat(ok(t.api("POST", "/api/funnels", "{" + steps + ", \"from\": \"2024-05-01\", \"to\": \"2024-05-01\"}"))
        .path("entered").asInt()).isEqualTo(4);
    assertThat(ok(t.api("POST", "/api/funnels", "{" + steps + ", \"from\": \"2024-05-02\"}")).path("entered").asInt()).isZero();
    assertThat(ok(t.api("POST", "/api/funnels", "{" + steps + ", \"to\": \"2024-04-30\"}")).path("entered").asInt()).isZero();
    assertThat(ok(t.api("POST", "/api/funnels", "{" + steps + ", \"from\": \"2024-05-01T10:00:30Z\"}")).path("entered").asInt())
        .isZero();
    assertThat(ok(t.api("POST", "/api/paths", "{\"anchor\": \"Checkout\", \"from\": \"2024-05-01\", \"to\": \"2024-05-01\"}"))
        .path("paths").asInt()).isEqualTo(4);
    assertThat(ok(t.api("GET", "/api/journeys/order/instances?to=2024-05-01", null)).path("total").asInt()).isEqualTo(4);
    assertThat(ok(t.api("GET", "/api/journeys/order/instances?to=2024-05-01T00:00:00Z", null)).path("total").asInt()).isZero();
  }

  @Test
  void pathsAndPainPointsAnswer() throws Exception {
    JsonNode p = ok(t.api("GET", "/api/paths?anchor=Checkout&steps=2&sessionGap=2h", null));
    assertThat(p.path("paths").asInt()).isEqualTo(4);
    assertThat(p.path("steps").get(0).path("nodes").get(0).path("event").asText()).isEqualTo("Paid");
    assertThat(ok(t.api("POST", "/api/paths", "{\"anchor\": \"Checkout\", \"steps\": 2}")).path("paths").asInt()).isEqualTo(4);
    assertThat(t.api("GET", "/api/paths?anchor=Checkout&steps=30", null).statusCode()).isEqualTo(400);
    assertThat(ok(t.api("GET", "/api/painpoints?journey=order", null)).has("painPoints")).isTrue();
    assertThat(t.api("GET", "/api/painpoints?journey=nope", null).statusCode()).isEqualTo(400);
    assertThat(t.get("/api/painpoints").statusCode()).isEqualTo(401);
  }

  static Stream<Arguments> badBodies() {
    return Stream.of(
        Arguments.of("/api/funnels", "{" + STEPS + ", \"order\": \"bogus\"}", "order: expected one of strict, ordered, any, got 'bogus'"),
        Arguments.of("/api/funnels", "{\"steps\": \"Product\"}", "steps: expected an array"),
        Arguments.of("/api/funnels", "{\"steps\": [{\"event\": \"Product\", \"properties\": {\"color\": {\"a\": 1}}}, {\"event\": \"B\"}]}",
            "steps[0].properties.color: expected a string"),
        Arguments.of("/api/funnels", "{\"steps\": [{\"event\": \"Product\"}, \"Order Completed\"]}", "steps[1]: expected an object"),
        Arguments.of("/api/funnels", "{\"steps\": [{\"event\": \"A\", \"optional\": \"yes\"}, {\"event\": \"B\"}]}",
            "steps[0].optional: expected true or false, got 'yes'"),
        Arguments.of("/api/funnels", "{\"steps\": [{\"event\": \"A\"}, {\"event\": \"B\", \"evnt\": \"C\"}]}",
            "steps[1].evnt: unknown field; expected one of channel, event, optional, properties, within"),
        Arguments.of("/api/funnels", "{\"steps\": [{\"event\": \"A\"}, {}]}",
            "steps[1]: an event filter needs an event name, a channel or a property"),
        Arguments.of("/api/funnels", "{\"steps\": [{\"event\": \"A\", \"channel\": \" \"}, {\"event\": \"B\"}]}",
            "steps[0].channel: must not be blank (leave it out for any channel)"),
        Arguments.of("/api/funnels", "{\"steps\": [{\"event\": \"A\", \"within\": \"soon\"}, {\"event\": \"B\"}]}",
            "steps[0].within: expected a duration like 90s, 30m, 48h, 14d, 2w or P14D, got 'soon'"),
        Arguments.of("/api/funnels", "{" + STEPS + ", \"exclusions\": [{\"event\": \"X\", \"afterStep\": \"two\"}]}",
            "exclusions[0].afterStep: expected a whole number, got 'two'"),
        Arguments.of("/api/funnels", "{" + STEPS + ", \"breakdown\": \"channel\"}", "breakdown: expected an object"),
        Arguments.of("/api/funnels", "{" + STEPS + ", \"breakdown\": {\"by\": \"x\"}}", "breakdown.by: expected channel, property or segment, got 'x'"),
        Arguments.of("/api/funnels", "{" + STEPS + ", \"to\": \"2025-01-01T00:00\"}",
            "to: expected an ISO-8601 instant (2025-01-31T09:00:00Z) or date (2025-01-31), got '2025-01-01T00:00'"),
        Arguments.of("/api/funnels", "{" + STEPS + ", \"from\": 1735689600}",
            "from: expected an ISO-8601 instant (2025-01-31T09:00:00Z) or date (2025-01-31)"),
        Arguments.of("/api/funnels", "{" + STEPS + ", \"window\": {}}", "window: expected a string"),
        Arguments.of("/api/funnels", "[1]", "body: expected an object"),
        Arguments.of("/api/funnels", "{\"steps\": [{\"event\": \"A\"}", "body: malformed JSON at line 1, column 26: "
            + "Unexpected end-of-input: expected close marker for Array"),
        Arguments.of("/api/paths", "{\"anchor\": [\"Product\"]}", "anchor: expected a string"),
        Arguments.of("/api/paths", "{\"anchor\": \"Product\", \"steps\": \"five\"}", "steps: expected a whole number, got 'five'"),
        Arguments.of("/api/paths", "{\"anchor\": \"Product\", \"properties\": {\"a\": [1]}}", "properties.a: expected a string"),
        Arguments.of("/api/paths", "{\"anchor\": \"Product\", \"anchr\": 1}", "anchr: unknown field; expected one of anchor, channel, direction, "
            + "from, journey, occurrences, properties, segment, sessionGap, steps, to, topK"),
        Arguments.of("/api/journeys", "{" + JOURNEY + ", \"stages\": \"Recognize\"}", "stages: expected an array"),
        Arguments.of("/api/journeys", "{" + JOURNEY + ", \"stages\": [{\"name\": \"S\", \"touchpoints\": {\"event\": \"A\"}}]}",
            "stages[0].touchpoints: expected an array"),
        Arguments.of("/api/journeys", "{" + JOURNEY + ", \"stages\": [{\"name\": \"S\", \"touchpoints\": [{\"event\": \"A\", "
            + "\"properties\": {\"k\": {\"a\": 1}}}]}]}", "stages[0].touchpoints[0].properties.k: expected a string"),
        Arguments.of("/api/journeys", "{" + JOURNEY + ", \"stages\": [{\"name\": \"S\", \"touchpoints\": [{}]}]}",
            "stages[0].touchpoints[0]: an event filter needs an event name, a channel or a property"),
        Arguments.of("/api/journeys", "{\"id\": \"j1\", \"entryEvent\": [\"A\"], \"goalEvent\": \"B\"}", "entryEvent: expected a string"),
        Arguments.of("/api/journeys", "{" + JOURNEY, "body: malformed JSON at line 1, column 49: "
            + "Unexpected end-of-input: expected close marker for Object"));
  }

  /**
   * Bodies that Jackson cannot bind are answered 400 problem+json whose detail is
   * {@code path.to.field: what was expected}, with no Java class or library name in it.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("badBodies")
  void aBodyThatCannotBeBoundNamesTheFieldAndWhatWasExpected(String path, String body, String detail) throws Exception {
    HttpResponse<String> r = t.api("POST", path, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
    JsonNode p = JSON.readTree(r.body());
    assertThat(p.path("detail").asText()).isEqualTo(detail);
    assertThat(r.body()).doesNotContain("java.", "io.wayfinder", "Cannot deserialize", "Source:", "JsonToken");
    assertThat(t.api("GET", "/api/journeys", null).body()).doesNotContain("\"j1\"");
    assertThat(t.get("/health").statusCode()).isEqualTo(200);
  }
}
