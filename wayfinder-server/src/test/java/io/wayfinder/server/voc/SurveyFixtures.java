package io.wayfinder.server.voc;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.server.JsonSupport;
import io.wayfinder.server.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

/** Surveys and JSON helpers shared by the survey tests. */
final class SurveyFixtures {
  private SurveyFixtures() {}

  /** A delivery survey: NPS (required), a free-text reason, a choice; triggered by Order Delivered at Respond. */
  static String deliverySurvey(String id, String trigger) {
    return """
        {"id": "%s", "name": "How was your delivery?", "level": "touchpoint", "journey": "online_order",
         "questions": [
           {"id": "nps", "type": "nps", "text": "How likely are you to recommend us to a friend?", "required": true},
           {"id": "why", "type": "text", "text": "What is the main reason for your score?", "required": false},
           {"id": "again", "type": "choice", "text": "Would you order again?", "choices": ["yes", "no"], "required": false}],
         "trigger": %s}""".formatted(id, trigger);
  }

  static JsonNode json(HttpResponse<String> r) {
    try {
      return JsonSupport.MAPPER.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(r.statusCode() + " " + r.body(), e);
    }
  }

  /**
   * Waits (up to 20 s, generous for a loaded CI machine; the trigger pass runs every 250 ms) for
   * the survey's first invitation, which the triggers create from an event.
   */
  static JsonNode awaitInvitation(TestServer t, String surveyId) throws InterruptedException {
    for (int i = 0; i < 400; i++) {
      JsonNode inv = json(t.api("GET", "/api/surveys/" + surveyId + "/invitations", null)).path("invitations");
      if (inv.size() > 0) return inv.get(0);
      Thread.sleep(50);
    }
    throw new AssertionError("no invitation for " + surveyId + " within 20 s");
  }
}
