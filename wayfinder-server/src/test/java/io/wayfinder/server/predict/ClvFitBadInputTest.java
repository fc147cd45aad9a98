package io.wayfinder.server.predict;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.server.JsonSupport;
import io.wayfinder.server.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A revenue property name that cannot be put in a JSON path is a 400 naming the field, never a 500. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClvFitBadInputTest {
  @TempDir static Path dir;
  TestServer t;

  @BeforeAll
  void start() {
    t = new TestServer(dir);
    // A purchase with a revenue, so that a fit reaches the query that used the name.
    assertThat(t.post("/v1/track", t.writeKey("shop", "web"),
        "{\"event\":\"Order Completed\",\"userId\":\"c1\",\"properties\":{\"revenue\":10}}").statusCode()).isEqualTo(200);
  }

  @AfterAll
  void stop() {
    t.close();
  }

  @ParameterizedTest(name = "revenueProperty {0}")
  @ValueSource(strings = {"\"\\\"\"", "\"a\\\"b\"", "\"back\\\\slash\"", "\"tab\\there\""})
  void aRevenuePropertyThatCannotBeAJsonPathStepIs400(String name) throws Exception {
    {
      HttpResponse<String> r = t.api("POST", "/api/clv/fit", "{\"revenueProperty\":" + name + "}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
      assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
      JsonNode p = JsonSupport.MAPPER.readTree(r.body());
      assertThat(p.path("detail").asText()).startsWith("revenueProperty:");
    }
  }
}
