package io.wayfinder.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.server.JsonSupport;
import io.wayfinder.server.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import APIs call a file by the client's name, never by a path of the server's: {@code POST
 * /api/imports} by {@code filename} ("upload" without one), {@code POST /api/feedback} by its body's
 * {@code filename} ("request" without one). Hints and errors name the API's own parameters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportApiTest {
  private static final String ORDERS =
      "customer,event,when\nc1,Order,2025-01-01T10:00:00Z\nc2,Order,31/02/2025\nc3,Order,2025-01-02T10:00:00Z\n";
  private static final String COLUMNS = "case=customer&activity=event&timestamp=when";
  @TempDir static Path dir;
  TestServer t;

  @BeforeAll
  void start() {
    t = new TestServer(dir);
  }

  @AfterAll
  void stop() {
    t.close();
  }

  private JsonNode post(String query, String body, int status) throws Exception {
    HttpResponse<String> r = t.api("POST", "/api/imports?" + query, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.body()).doesNotContain(dir.toString()).doesNotContain("upload-");
    if (status >= 400) assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    return JsonSupport.MAPPER.readTree(r.body());
  }

  @Test
  void aBadRowIsReportedInTheClientsFileAtItsLine() throws Exception {
    JsonNode p = post("filename=orders.csv&" + COLUMNS, ORDERS, 400);
    assertThat(p.get("detail").asText()).isEqualTo("orders.csv:3 [when]: '31/02/2025' is not an ISO-8601 timestamp");
    assertThat(p.get("errors").get(0).get("index").asInt()).isEqualTo(3);
    assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo("when");
    JsonNode unnamed = post("format=csv&" + COLUMNS, ORDERS, 400);
    assertThat(unnamed.get("detail").asText()).startsWith("upload:3 [when]: ");
  }

  @Test
  void theAnswerNamesTheFileAsTheClientDid() throws Exception {
    JsonNode r = post("filename=orders.csv&onError=skip&" + COLUMNS, ORDERS, 200);
    assertThat(r.get("file").asText()).isEqualTo("orders.csv");
    assertThat(r.get("imported").asLong()).isEqualTo(2);
    assertThat(r.get("rejects").get(0).get("line").asLong()).isEqualTo(3);
    // the XES reader tells the format by the extension: an unnamed upload gets the format's
    String xes = "<log><trace><string key=\"concept:name\" value=\"x1\"/><event><string key=\"concept:name\" value=\"Order\"/>"
        + "<date key=\"time:timestamp\" value=\"2025-01-01T10:00:00Z\"/></event></trace></log>";
    JsonNode unnamed = post("format=xes", xes, 200);
    assertThat(unnamed.get("file").asText()).isEqualTo("upload");
    assertThat(unnamed.get("imported").asLong()).isEqualTo(1);
  }

  @Test
  void hintsAndErrorsNameTheQueryParameters() throws Exception {
    JsonNode column = post("filename=orders.csv", ORDERS, 400);
    assertThat(column.get("detail").asText()).isEqualTo("orders.csv:1 [case:concept:name]: no case column 'case:concept:name'"
        + " in the header [customer, event, when] (name it with the case parameter)");
    assertThat(post("filename=orders.csv&source=bad%20name!!&" + COLUMNS, ORDERS, 400).get("detail").asText())
        .startsWith("source: 1-100 letters");
    assertThat(post("filename=orders.txt&" + COLUMNS, ORDERS, 400).get("detail").asText())
        .isEqualTo("orders.txt: cannot tell the format from the file name; give it with the format parameter (csv, jsonl, xes or parquet)");
    assertThat(post("filename=../orders.csv", ORDERS, 400).get("detail").asText()).startsWith("filename: ");
    assertThat(post("filename=orders.csv&format=xlsx", ORDERS, 400).get("detail").asText()).startsWith("format: 'xlsx'");
  }

  private JsonNode problem(String body) throws Exception {
    HttpResponse<String> r = t.api("POST", "/api/feedback", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    return JsonSupport.MAPPER.readTree(r.body());
  }

  @Test
  void feedbackErrorsNameTheFileTheClientReadAndTheLineOfTheItem() throws Exception {
    String items = "\"items\": [{\"line\": 2, \"customer\": \"c1\", \"rating\": 5}, {\"line\": 3, \"customer\": \"c2\", \"rating\": 9}]";
    JsonNode named = problem("{\"filename\": \"reviews.csv\", \"scale\": {\"max\": 5}, " + items + "}");
    assertThat(named.get("detail").asText()).isEqualTo("reviews.csv:3 [rating]: rating must be a whole number 1–5, got 9.0");
    assertThat(named.get("errors").get(0).get("index").asInt()).isEqualTo(3);
    JsonNode unnamed = problem("{\"scale\": {\"max\": 5}, \"items\": [{\"customer\": \"c1\", \"rating\": \"lots\"}]}");
    assertThat(unnamed.get("detail").asText()).isEqualTo("request:1 [rating]: a number, got 'lots'");
    assertThat(problem("{\"filename\": \"/srv/reviews.csv\", \"scale\": {\"max\": 5}, " + items + "}").get("detail").asText())
        .startsWith("filename: ");
  }

  @Test
  void anUnknownFeedbackKpiListsTheAcceptedValues() throws Exception {
    JsonNode p = problem("{\"scale\": {\"max\": 5}, \"kpi\": \"bogus\", \"items\": []}");
    assertThat(p.get("detail").asText()).isEqualTo("kpi: expected one of csat, nps, ces, none, got 'bogus'");
    HttpResponse<String> none = t.api("POST", "/api/feedback",
        "{\"scale\": {\"max\": 5}, \"kpi\": \"none\", \"items\": [{\"customer\": \"c1\", \"rating\": 4}]}");
    assertThat(none.statusCode()).as(none.body()).isEqualTo(200);
    assertThat(JsonSupport.MAPPER.readTree(none.body()).get("withKpiScore").asInt()).isZero();
  }
}
