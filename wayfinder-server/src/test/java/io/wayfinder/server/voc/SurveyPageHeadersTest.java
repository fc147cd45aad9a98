package io.wayfinder.server.voc;

import static io.wayfinder.server.voc.SurveyFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.wayfinder.server.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hosted survey page cannot be framed, run scripts, be sniffed as another type, or leak its token as a referrer. */
class SurveyPageHeadersTest {
  @TempDir Path dir;

  @Test
  void theHostedPageAndItsAnswersCarryTheSecurityHeaders() {
    try (TestServer t = new TestServer(dir)) {
      assertThat(t.api("POST", "/api/surveys", SurveyFixtures.deliverySurvey("link_nps", "null")).statusCode()).isEqualTo(201);
      String token = json(t.api("POST", "/api/surveys/link_nps/invitations", "{\"customer\": \"cust-1\"}")).path("token").asText();
      HttpResponse<String> page = t.get("/s/" + token);
      HttpResponse<String> answered = t.postAs("application/x-www-form-urlencoded", "/s/" + token, "nps=9");
      HttpResponse<String> unknown = t.get("/s/inv_nope");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(answered.statusCode()).isEqualTo(201);
      assertThat(unknown.statusCode()).isEqualTo(404);
      for (HttpResponse<String> r : java.util.List.of(page, answered, unknown)) {
        var h = r.headers();
        assertThat(h.firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
            .contains("default-src 'none'").contains("frame-ancestors 'none'").contains("form-action 'self'")
            .doesNotContain("script-src"));
        assertThat(h.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(h.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(h.firstValue("Referrer-Policy")).hasValue("no-referrer");
      }
      // The page works under its policy: no script, its form posts to itself.
      assertThat(page.body()).doesNotContain("<script").contains("action=\"/s/" + token + "\"");
    }
  }
}
