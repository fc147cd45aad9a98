package io.wayfinder.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.wayfinder.server.ServerConfig;
import io.wayfinder.server.WayfinderServer;
import io.wayfinder.store.users.Role;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may use /api: the admin token or a signed-in session; never a write key, never a stale or planted session. */
class WebAuthTest {
  static final String PASSWORD = "correct horse battery";
  @TempDir static Path dir;
  static WayfinderServer server;
  static String writeKey;
  static WebClient web;

  @BeforeAll
  static void start() {
    server = WayfinderServer.start(new ServerConfig("127.0.0.1", 0, dir, "test-admin-token", PASSWORD));
    web = new WebClient(server);
    writeKey = server.sources().getOrCreate("web", "web").writeKey();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyApiRouteRefusesAnonymousRequestsAndWriteKeys() throws Exception {
    List<String> api = server.routes().stream().filter(r -> r.split(" ")[1].startsWith("/api")).toList();
    assertThat(api).contains("GET /api/stats", "GET /api/users", "POST /api/users", "GET /api/web/overview");
    for (String route : api) {
      String method = route.split(" ")[0];
      String path = route.split(" ")[1].replaceAll("\\{[^}]+}", "1");
      String body = "{\"writeKey\": \"" + writeKey + "\"}";
      assertThat(send(method, path, null, body).statusCode()).as("anonymous %s", route).isEqualTo(401);
      String basic = "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
      assertThat(send(method, path, basic, body).statusCode()).as("write key (Basic) %s", route).isEqualTo(401);
      assertThat(send(method, path, "Bearer " + writeKey, body).statusCode()).as("write key (Bearer) %s", route).isEqualTo(401);
    }
  }

  @Test
  void aSessionOpensTheReadApiAndSignOutEndsIt() throws Exception {
    String cookie = web.signIn("admin", PASSWORD).orElseThrow();
    assertThat(send("GET", "/api/stats", null, null, cookie).statusCode()).isEqualTo(200);
    assertThat(send("POST", "/auth/sign-out", null, "", cookie).statusCode()).isEqualTo(204);
    assertThat(send("GET", "/api/stats", null, null, cookie).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/auth/session", null, null, cookie).statusCode()).isEqualTo(401);
  }

  @Test
  void aPlantedSessionIdIsNeverAdopted() throws Exception {
    String planted = "wf_session=attacker-chosen-id-0123456789";
    HttpResponse<String> r = send("POST", "/auth/sign-in", null, WebClient.credentials("admin", PASSWORD), planted);
    assertThat(r.statusCode()).isEqualTo(200);
    String issued = WebClient.sessionCookie(r).orElseThrow();
    assertThat(issued).isNotEqualTo(planted);
    assertThat(send("GET", "/api/stats", null, null, planted).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/api/stats", null, null, issued).statusCode()).isEqualTo(200);
    // Signing in again from a live session replaces it: the old id stops working.
    String again = WebClient.sessionCookie(send("POST", "/auth/sign-in", null, WebClient.credentials("admin", PASSWORD), issued)).orElseThrow();
    assertThat(again).isNotEqualTo(issued);
    assertThat(send("GET", "/api/stats", null, null, issued).statusCode()).isEqualTo(401);
  }

  @Test
  void theCookieIsHttpOnlyAndSameSiteStrict() throws Exception {
    HttpResponse<String> r = send("POST", "/auth/sign-in", null, WebClient.credentials("admin", PASSWORD), null);
    String header = r.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("wf_session=")).findFirst().orElseThrow();
    assertThat(header).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/");
  }

  @Test
  void wrongPasswordsAndUnknownUsersAreRefused() throws Exception {
    assertThat(web.signIn("admin", "not the password")).isEmpty();
    assertThat(web.signIn("nobody", PASSWORD)).isEmpty();
    assertThat(send("POST", "/auth/sign-in", null, WebClient.credentials("admin", PASSWORD), null, "application/x-www-form-urlencoded").statusCode())
        .as("a cross-site form cannot sign in").isEqualTo(415);
  }

  @Test
  void passwordsAreStoredAsBcryptHashes() {
    String hash = server.users().hashOf("admin");
    assertThat(hash).startsWith("$2b$12$").hasSize(60).doesNotContain(PASSWORD);
  }

  @Test
  void changesNeedTheCsrfTokenAndMembersOnlyRead() throws Exception {
    String admin = web.signIn("admin", PASSWORD).orElseThrow();
    String newUser = "{\"name\": \"mia\", \"password\": \"member password 1\", \"role\": \"member\"}";
    assertThat(send("POST", "/api/users", null, newUser, admin).statusCode()).as("no CSRF token").isEqualTo(403);
    String csrf = web.csrf(admin);
    assertThat(send("POST", "/api/users", null, newUser, admin, "application/json", csrf).statusCode()).isEqualTo(201);
    assertThat(server.users().find("mia").orElseThrow().role()).isEqualTo(Role.MEMBER);

    String member = web.signIn("mia", "member password 1").orElseThrow();
    assertThat(send("GET", "/api/stats", null, null, member).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/users", null, null, member).statusCode()).isEqualTo(403);
    assertThat(send("POST", "/api/sources", null, "{\"name\":\"x\",\"channel\":\"web\"}", member, "application/json", web.csrf(member))
        .statusCode()).isEqualTo(403);
    // retention is a query (members run it, as funnels); saving a cohort is a change (admins only)
    assertThat(send("POST", "/api/retention", null, "{\"period\":\"month\"}", member, "application/json", web.csrf(member))
        .statusCode()).isEqualTo(200);
    assertThat(send("POST", "/api/cohorts", null, "{\"id\":\"x\",\"segment\":\"plan=gold\"}", member, "application/json", web.csrf(member))
        .statusCode()).isEqualTo(403);

    assertThat(send("DELETE", "/api/users/mia", null, null, admin, "application/json", csrf).statusCode()).isEqualTo(204);
    assertThat(send("GET", "/api/stats", null, null, member).statusCode()).as("a removed user's session ends").isEqualTo(401);
  }

  private HttpResponse<String> send(String method, String path, String auth, String body) throws Exception {
    return send(method, path, auth, body, null);
  }

  private HttpResponse<String> send(String method, String path, String auth, String body, String cookie) throws Exception {
    return send(method, path, auth, body, cookie, "application/json");
  }

  private HttpResponse<String> send(String method, String path, String auth, String body, String cookie, String type) throws Exception {
    return send(method, path, auth, body, cookie, type, null);
  }

  private HttpResponse<String> send(String method, String path, String auth, String body, String cookie, String type, String csrf)
      throws Exception {
    return web.send(method, path, auth, body, cookie, type, csrf);
  }
}
