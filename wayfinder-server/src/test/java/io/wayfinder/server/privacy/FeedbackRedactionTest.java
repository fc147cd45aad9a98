package io.wayfinder.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.wayfinder.server.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackRedactionTest {
  @TempDir Path dir;

  @Test
  void feedbackTextIsStoredRedactedAndAConfiguredPatternListIsUsed() throws Exception {
    Files.writeString(dir.resolve("redaction-patterns.txt"), "email [a-z.]+@[a-z.]+\\.[a-z]{2,}\nphone:phone \\+?\\d[\\d -]{7,}\\d\n");
    try (TestServer t = new TestServer(dir)) {
      String body = """
          {"scale": {"min": 1, "max": 5}, "items": [{"customer": "c-1", "rating": 2,
           "text": "Terrible! Paid $45.50 on 2024-05-01, write to jane.doe@example.com or call +44 20 7946 0958"}]}""";
      assertThat(t.api("POST", "/api/feedback", body).statusCode()).isEqualTo(200);
      String stored;
      try (var c = t.server.database().connect(); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT json_extract_string(properties, '$.comment') FROM events WHERE name = 'Feedback Received'")) {
        assertThat(rs.next()).isTrue();
        stored = rs.getString(1);
      }
      assertThat(stored).isEqualTo("Terrible! Paid $45.50 on 2024-05-01, write to [email] or call [phone]");

      // a survey's free-text answer is redacted the same way, in its table and in its event
      assertThat(t.api("POST", "/api/surveys", """
          {"id": "why", "name": "Why?", "level": "touchpoint", "journey": "online_order",
           "questions": [{"id": "nps", "type": "nps", "text": "Recommend us?", "required": true},
                         {"id": "why", "type": "text", "text": "Why?", "required": false}]}""").statusCode()).isEqualTo(201);
      String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
          t.api("POST", "/api/surveys/why/invitations", "{\"customer\": \"c-2\"}").body()).path("invitation").path("token").asText();
      var answered = t.postAs("application/json", "/s/" + token,
          "{\"answers\": {\"nps\": 3, \"why\": \"3 orders late, mail me at bob.smith@mail.co.uk\"}}");
      assertThat(answered.statusCode()).as(answered.body()).isLessThan(300);
      try (var c = t.server.database().connect(); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT (SELECT text FROM survey_responses WHERE question_id = 'why'), "
              + "(SELECT json_extract_string(properties, '$.comment') FROM events WHERE name = 'Survey Response')")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("3 orders late, mail me at [email]");
        assertThat(rs.getString(2)).isEqualTo("3 orders late, mail me at [email]");
      }
    }
  }
}
