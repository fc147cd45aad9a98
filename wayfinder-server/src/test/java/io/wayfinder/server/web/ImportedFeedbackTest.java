package io.wayfinder.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.server.JsonSupport;
import io.wayfinder.server.TestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feedback imported with POST /api/feedback (what `wayfinder feedback import` sends) shows on the feedback page and the profile. */
class ImportedFeedbackTest {
  @TempDir Path dir;

  @Test
  void importedReviewsAreListedOnTheFeedbackPageAndTheProfile() throws Exception {
    try (TestServer t = new TestServer(dir)) {
      String key = t.writeKey("shop", "web");
      t.post("/v1/track", key, "{\"userId\": \"u1\", \"event\": \"Survey Response\", \"timestamp\": \"2025-03-01T10:00:00Z\","
          + " \"properties\": {\"survey\": \"delivery_csat\", \"question_type\": \"csat\", \"score\": 5, \"comment\": \"Quick\"}}");
      var imported = t.api("POST", "/api/feedback", """
          {"filename": "reviews.csv", "kind": "review", "channel": "review", "source": "trustpilot", "scale": {"min": 1, "max": 5},
           "items": [{"line": 2, "customer": "u1", "rating": 2, "text": "Parcel arrived broken", "at": "2025-03-02T10:00:00Z"},
                     {"line": 3, "customer": "u1", "text": "Where is my refund?", "at": "2025-03-03T10:00:00Z"}]}""");
      assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

      JsonNode all = JsonSupport.MAPPER.readTree(t.api("GET", "/api/web/feedback", null).body()).path("responses");
      assertThat(comments(all)).containsExactly("Where is my refund?", "Parcel arrived broken", "Quick");
      JsonNode review = all.get(1);
      assertThat(review.path("survey").asText()).isEqualTo("review");
      assertThat(review.path("scale").asText()).isEqualTo("csat");
      assertThat(review.path("score").asInt()).isEqualTo(2);
      assertThat(all.get(0).path("score").isNull()).isTrue();

      long profile = JsonSupport.MAPPER.readTree(t.api("GET", "/api/profiles/u1", null).body()).path("id").asLong();
      JsonNode mine = JsonSupport.MAPPER.readTree(t.api("GET", "/api/web/feedback?customer=" + profile, null).body()).path("responses");
      assertThat(mine.size()).isEqualTo(feedbackEventsOf(t, profile)).isEqualTo(3);
      // the KPI breakdown counts the scored review with the survey answer, as /api/kpis does
      JsonNode csat = JsonSupport.MAPPER.readTree(t.api("GET", "/api/web/feedback?scale=csat", null).body())
          .path("breakdown").get(0).path("csat");
      assertThat(csat.path("responses").asInt()).isEqualTo(2);
    }
  }

  private static List<String> comments(JsonNode rows) {
    List<String> out = new ArrayList<>();
    rows.forEach(r -> out.add(r.path("comment").asText()));
    return out;
  }

  /** Independent count: the customer's survey answers and feedback events, straight from DuckDB. */
  private static long feedbackEventsOf(TestServer t, long profile) throws Exception {
    try (Connection c = t.server.database().connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM events WHERE profile_id = " + profile
            + " AND name IN ('Survey Response', 'Feedback Received')")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
