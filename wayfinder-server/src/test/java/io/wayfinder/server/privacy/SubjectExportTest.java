package io.wayfinder.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wayfinder.server.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The subject access export holds every record the store has for the customer, checked table by table against SQL. */
class SubjectExportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void exportHoldsEveryRecordOfTheCustomerIncludingAMergedAnonymousProfile() throws Exception {
    try (TestServer t = new TestServer(dir)) {
      String key = t.writeKey("web", "web");
      // browsing anonymously first, then signing in: two profiles merged into one
      assertThat(t.post("/v1/page", key, "{\"anonymousId\":\"anon-77\",\"name\":\"Home\"}").statusCode()).isEqualTo(200);
      assertThat(t.post("/v1/identify", key, "{\"userId\":\"ann\",\"anonymousId\":\"anon-77\",\"traits\":{\"email\":\"Ann@Example.com\","
          + "\"plan\":\"gold\"},\"context\":{\"consent\":{\"categoryPreferences\":{\"marketing\":true}}}}").statusCode()).isEqualTo(200);
      for (int i = 0; i < 5; i++) {
        assertThat(t.post("/v1/track", key, "{\"userId\":\"ann\",\"event\":\"Order Completed\",\"properties\":{\"revenue\":" + (10 + i)
            + "}}").statusCode()).isEqualTo(200);
      }
      assertThat(t.post("/v1/track", key, "{\"userId\":\"bob\",\"event\":\"Order Completed\"}").statusCode()).isEqualTo(200);
      assertThat(t.api("POST", "/api/feedback", "{\"scale\":{\"min\":1,\"max\":5},\"items\":[{\"customer\":\"ann\",\"rating\":5,"
          + "\"text\":\"great\"}]}").statusCode()).isEqualTo(200);

      var r = t.api("GET", "/api/subjects/ann/export", null);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode doc = JSON.readTree(r.body()); // valid JSON
      long profile = Sql.one(t, "SELECT profile_id FROM identities WHERE kind = 'user_id' AND value = 'ann'");
      long anonProfile = Sql.one(t, "SELECT profile_id FROM identities WHERE kind = 'anonymous_id' AND value = 'anon-77'");
      String family = "(" + profile + ", " + anonProfile + ")";
      assertThat(doc.path("profileIds").toString()).contains(String.valueOf(profile));
      JsonNode tables = doc.path("tables");
      assertThat(tables.path("events").size()).isEqualTo(Sql.one(t, "SELECT count(*) FROM events WHERE profile_id IN " + family)).isEqualTo(8);
      assertThat(tables.path("identities").size()).isEqualTo(Sql.one(t, "SELECT count(*) FROM identities WHERE profile_id IN " + family));
      assertThat(tables.path("trait_history").size()).isEqualTo(Sql.one(t, "SELECT count(*) FROM trait_history WHERE profile_id IN " + family))
          .isPositive();
      assertThat(tables.path("consent_history").size()).isEqualTo(1);
      assertThat(tables.path("profiles").size()).isEqualTo(Sql.one(t, "SELECT count(*) FROM profiles WHERE id IN " + family));
      // every stored event id of the customer is in the export, and nothing of bob's
      assertThat(Sql.one(t, "SELECT sum(id) FROM events WHERE profile_id IN " + family))
          .isEqualTo(sum(tables.path("events"), "id"));
      assertThat(r.body()).doesNotContain("\"bob\"");
      assertThat(r.body()).contains("ann@example.com");
      assertThat(t.api("GET", "/api/subjects/nobody/export", null).statusCode()).isEqualTo(404);
      assertThat(t.api("GET", "/api/subjects/ann/export?subjectType=PHONE", null).statusCode()).isEqualTo(400);
    }
  }

  private static long sum(JsonNode rows, String field) {
    long s = 0;
    for (JsonNode r : rows) s += r.path(field).asLong();
    return s;
  }

}
