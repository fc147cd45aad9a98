package io.wayfinder.server.voc;

import static io.wayfinder.server.voc.SurveyFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.wayfinder.core.widget.CustomerToken;
import io.wayfinder.server.TestServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The widget hands out invitations only for the customer the site's backend vouches for: a write
 * key alone (public, in every page) neither reveals a customer's e-mailed invitation token nor
 * mints invitations for arbitrary ids (issue #11, item 5).
 */
class WidgetIdentityTest {
  @TempDir Path dir;
  TestServer t;
  String key;
  String emailed;

  @BeforeEach
  void start() {
    t = new TestServer(dir);
    assertThat(t.api("POST", "/api/surveys", SurveyFixtures.deliverySurvey("shop_nps", "null")).statusCode()).isEqualTo(201);
    key = t.writeKey("website", "web");
    emailed = json(t.api("POST", "/api/surveys/shop_nps/invitations", "{\"customer\": \"cust-7\", \"channel\": \"email\"}"))
        .path("token").asText();
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private String newSecret(String source) {
    HttpResponse<String> r = t.api("POST", "/api/sources/" + source + "/signing-secret", null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r).path("signingSecret").asText();
  }

  private HttpResponse<String> widget(String customer, String token, String survey) {
    return t.get("/widget/invitation?writeKey=" + key + "&customer=" + enc(customer)
        + (token == null ? "" : "&customerToken=" + enc(token)) + (survey == null ? "" : "&survey=" + survey));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Invitations in the database, counted directly. */
  private long invitations() {
    try (var c = t.server.database().connect(); var st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM survey_invitations")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void assertRefused(HttpResponse<String> r, int status, String detail) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(json(r).path("detail").asText()).contains(detail);
    assertThat(r.body()).doesNotContain(emailed);
  }

  @Test
  void aWriteKeyAloneNeitherRevealsAnInvitationNorMintsOne() {
    newSecret("website");
    long before = invitations();
    assertRefused(widget("cust-7", null, null), 401, "customerToken: required");
    for (int i = 0; i < 20; i++) assertRefused(widget("someone-" + i, null, "shop_nps"), 401, "customerToken: required");
    assertThat(invitations()).isEqualTo(before);
  }

  @Test
  void aSourceWithoutASigningSecretRefusesEveryToken() {
    String guessed = CustomerToken.sign("wss_guess", "cust-7", Instant.now().plusSeconds(600));
    assertRefused(widget("cust-7", guessed, "shop_nps"), 403, "has no signing secret yet");
    assertThat(invitations()).isEqualTo(1);
  }

  @Test
  void anExpiredForgedTooLongOrOtherCustomersTokenIsRefusedAndWritesNothing() {
    String secret = newSecret("website");
    Instant now = Instant.now();
    long before = invitations();
    assertRefused(widget("cust-7", CustomerToken.sign(secret, "cust-7", now.minusSeconds(5)), null), 403, "expired");
    assertRefused(widget("cust-7", CustomerToken.sign("wss_forged", "cust-7", now.plusSeconds(600)), null), 403, "not signed");
    assertRefused(widget("cust-7", CustomerToken.sign(secret, "cust-8", now.plusSeconds(600)), null), 403, "not signed");
    assertRefused(widget("cust-7", CustomerToken.sign(secret, "cust-7", now.plus(Duration.ofDays(30))), null), 403, "short-lived");
    assertRefused(widget("cust-7", "garbage", null), 403, "not of the form");
    assertRefused(widget("cust-9", CustomerToken.sign(secret, "cust-7", now.plusSeconds(600)), "shop_nps"), 403, "not signed");
    assertThat(invitations()).isEqualTo(before);
  }

  @Test
  void aValidTokenGivesTheCustomerTheirOwnInvitationAndMintsOnlyForThem() {
    String secret = newSecret("website");
    Instant soon = Instant.now().plusSeconds(600);
    HttpResponse<String> own = widget("cust-7", CustomerToken.sign(secret, "cust-7", soon), null);
    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    assertThat(json(own).path("token").asText()).isEqualTo(emailed);

    long before = invitations();
    HttpResponse<String> minted = widget("cust-new", CustomerToken.sign(secret, "cust-new", soon), "shop_nps");
    assertThat(minted.statusCode()).as(minted.body()).isEqualTo(200);
    assertThat(invitations()).isEqualTo(before + 1);
    try (var c = t.server.database().connect(); var ps = c.prepareStatement("SELECT user_id, via FROM survey_invitations WHERE token = ?")) {
      ps.setString(1, json(minted).path("token").asText());
      ResultSet rs = ps.executeQuery();
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("cust-new");
      assertThat(rs.getString(2)).isEqualTo("widget");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theSecretIsShownOnceAndANewOneRetiresTheOld() {
    String first = newSecret("website");
    assertThat(first).matches("wss_[0-9a-f]{64}");
    assertThat(t.api("GET", "/api/sources", null).body()).doesNotContain(first);
    String second = newSecret(t.server.sources().byName("website").orElseThrow().id());
    assertThat(second).isNotEqualTo(first);
    Instant soon = Instant.now().plusSeconds(600);
    assertRefused(widget("cust-7", CustomerToken.sign(first, "cust-7", soon), null), 403, "not signed");
    assertThat(widget("cust-7", CustomerToken.sign(second, "cust-7", soon), null).statusCode()).isEqualTo(200);
    assertRefused(t.api("POST", "/api/sources/nowhere/signing-secret", null), 404, "source 'nowhere'");
    assertThat(t.post("/api/sources/website/signing-secret", key, "").statusCode()).isEqualTo(401);
  }
}
