package io.wayfinder.server.voc;

import static io.wayfinder.server.voc.SurveyFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.wayfinder.server.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A customer on the hosted survey page reads plain words: a broken link, a missing or unknown
 * answer and a second answer each get an HTML page naming the question by its text, never a field
 * path or a problem document; the JSON API keeps its problem details.
 */
class SurveyPageWordingTest {
  @TempDir Path dir;

  @Test
  void customersReadPlainWordsOnTheHostedPage() {
    try (TestServer t = new TestServer(dir)) {
      t.api("POST", "/api/surveys", SurveyFixtures.deliverySurvey("delivery_nps", "null"));
      String token = json(t.api("POST", "/api/surveys/delivery_nps/invitations", "{\"customer\": \"cust-1\"}")).path("token").asText();

      var broken = t.get("/s/inv_nope");
      assertThat(broken.statusCode()).isEqualTo(404);
      assertThat(broken.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      assertThat(broken.body()).contains("This survey link does not work").doesNotContain("invitation not found");

      var missing = t.postAs("application/x-www-form-urlencoded", "/s/" + token, "why=late&again=no");
      assertThat(missing.statusCode()).isEqualTo(400);
      assertThat(missing.body()).contains("Please answer “How likely are you to recommend us to a friend?”.")
          .doesNotContain("answers.nps", "is required");

      var odd = t.postAs("application/x-www-form-urlencoded", "/s/" + token, "nps=9&again=maybe");
      assertThat(odd.body()).contains("Please choose one of the offered answers to “Would you order again?”.");

      assertThat(t.postAs("application/x-www-form-urlencoded", "/s/" + token, "nps=9").statusCode()).isEqualTo(201);
      var again = t.postAs("application/x-www-form-urlencoded", "/s/" + token, "nps=10");
      assertThat(again.statusCode()).isEqualTo(409);
      assertThat(again.body()).contains("You have answered this survey already");
      assertThat(t.get("/s/" + token).body()).contains("You have answered this survey already");

      var unknownForm = t.postAs("application/x-www-form-urlencoded", "/s/inv_nope", "nps=9");
      assertThat(unknownForm.statusCode()).isEqualTo(404);
      assertThat(unknownForm.body()).contains("This survey link does not work");
      // API clients still get the problem document
      var api = t.postAs("application/json", "/s/inv_nope", "{\"answers\": {\"nps\": 5}}");
      assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
  }
}
