package io.wayfinder.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.wayfinder.server.ServerConfig;
import io.wayfinder.server.WayfinderServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions kept in the database: they outlive a restart, and whatever ended one before it stays ended. */
class WebAuthRestartTest {
  static final String PASSWORD = "correct horse battery";
  static final String MEMBER_PASSWORD = "member password 1";
  @TempDir Path dir;
  final TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  WayfinderServer server;
  WebClient web;

  @AfterEach
  void stop() {
    if (server != null) server.close();
  }

  @Test
  void sessionSurvivesServerRestart() throws Exception {
    start(PASSWORD);
    String cookie = web.signIn("admin", PASSWORD).orElseThrow();
    String csrf = web.csrf(cookie);
    // The same admin password is given again at the restart, as an environment variable would: it changes nothing.
    restart(PASSWORD);
    assertThat(web.get("/auth/session", cookie).statusCode()).isEqualTo(200);
    assertThat(web.csrf(cookie)).as("the CSRF token is the session's, not the process's").isEqualTo(csrf);
    assertThat(web.get("/api/stats", cookie).statusCode()).isEqualTo(200);
    assertThat(addMember(cookie, csrf, "mia")).isEqualTo(201);
  }

  @Test
  void signOutBeforeRestartStaysSignedOut() throws Exception {
    start(PASSWORD);
    String cookie = web.signIn("admin", PASSWORD).orElseThrow();
    assertThat(web.send("POST", "/auth/sign-out", null, "", cookie, "application/json", null).statusCode()).isEqualTo(204);
    restart(PASSWORD);
    assertSignedOut(cookie);
  }

  @Test
  void aSessionIdleTooLongWhileTheServerWasDownIsRefusedAndDeleted() throws Exception {
    start(PASSWORD);
    String cookie = web.signIn("admin", PASSWORD).orElseThrow();
    server.close();
    server = null;
    clock.advance(Sessions.IDLE.plusMinutes(2));
    start(PASSWORD);
    assertThat(storedSessions()).as("deleted when the server started").isEmpty();
    assertSignedOut(cookie);
  }

  @Test
  void aSessionInUseEndsSevenDaysAfterSignInAcrossARestart() throws Exception {
    start(PASSWORD);
    String cookie = web.signIn("admin", PASSWORD).orElseThrow();
    for (int i = 1; i <= 24; i++) {
      clock.advance(Duration.ofHours(7));
      if (i == 12) restart(PASSWORD);
      assertThat(web.get("/auth/session", cookie).statusCode()).as("after %d hours", 7 * i).isEqualTo(200);
    }
    clock.advance(Duration.ofSeconds(1));
    assertThat(web.get("/auth/session", cookie).statusCode()).as("7 days and a second after sign-in").isEqualTo(401);
    restart(PASSWORD);
    assertThat(web.get("/auth/session", cookie).statusCode()).isEqualTo(401);
  }

  @Test
  void aNewPasswordEndsTheUsersSessionsAlsoAfterRestart() throws Exception {
    start(PASSWORD);
    String admin = web.signIn("admin", PASSWORD).orElseThrow();
    String csrf = web.csrf(admin);
    assertThat(addMember(admin, csrf, "mia")).isEqualTo(201);
    String member = web.signIn("mia", MEMBER_PASSWORD).orElseThrow();
    assertThat(web.send("PUT", "/api/users/mia/password", null, "{\"password\": \"another password 2\"}", admin, "application/json", csrf)
        .statusCode()).isEqualTo(204);
    assertSignedOut(member);
    restart(PASSWORD);
    assertSignedOut(member);
    assertThat(web.get("/api/stats", admin).statusCode()).as("other users' sessions go on").isEqualTo(200);
  }

  @Test
  void aDifferentAdminPasswordGivenAtStartEndsTheAdminsSessions() throws Exception {
    start(PASSWORD);
    String cookie = web.signIn("admin", PASSWORD).orElseThrow();
    restart("a new admin password");
    assertSignedOut(cookie);
    assertThat(web.signIn("admin", "a new admin password")).isPresent();
  }

  @Test
  void theDatabaseHoldsOnlyTheHashOfTheSessionId() throws Exception {
    start(PASSWORD);
    String id = web.signIn("admin", PASSWORD).orElseThrow().substring("wf_session=".length());
    List<List<String>> rows = storedSessions();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)).allSatisfy(column -> assertThat(column).doesNotContain(id));
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
    assertThat(rows.get(0)).contains(sha256);
  }

  @Test
  void lastUseIsWrittenAtMostOnceAMinute() throws Exception {
    start(PASSWORD);
    Instant signedIn = clock.instant();
    String cookie = web.signIn("admin", PASSWORD).orElseThrow();
    clock.advance(Duration.ofSeconds(30));
    assertThat(web.get("/api/stats", cookie).statusCode()).isEqualTo(200);
    assertThat(storedLastSeen()).isEqualTo(signedIn);
    clock.advance(Duration.ofSeconds(31));
    assertThat(web.get("/api/stats", cookie).statusCode()).isEqualTo(200);
    assertThat(storedLastSeen()).isEqualTo(signedIn.plusSeconds(61));
  }

  @Test
  void expiredSessionsAreDeletedWithoutBeingAskedFor() throws Exception {
    start(PASSWORD);
    web.signIn("admin", PASSWORD).orElseThrow();
    clock.advance(Sessions.IDLE.plusMinutes(2));
    // Any sign-in (or request) after the purge interval deletes the rows nobody will ask for again.
    web.signIn("admin", PASSWORD).orElseThrow();
    assertThat(storedSessions()).hasSize(1);
  }

  /** The cookie opens neither the session route nor the API. */
  private void assertSignedOut(String cookie) throws Exception {
    assertThat(web.get("/auth/session", cookie).statusCode()).isEqualTo(401);
    assertThat(web.get("/api/stats", cookie).statusCode()).isEqualTo(401);
  }

  private int addMember(String cookie, String csrf, String name) throws Exception {
    String body = "{\"name\": \"" + name + "\", \"password\": \"" + MEMBER_PASSWORD + "\", \"role\": \"member\"}";
    return web.send("POST", "/api/users", null, body, cookie, "application/json", csrf).statusCode();
  }

  private void start(String adminPassword) {
    server = WayfinderServer.start(new ServerConfig("127.0.0.1", 0, dir, "test-admin-token", adminPassword), clock);
    web = new WebClient(server);
  }

  private void restart(String adminPassword) {
    server.close();
    server = null;
    start(adminPassword);
  }

  /** Every row of the sessions table, every column as text. */
  private List<List<String>> storedSessions() throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (var c = server.database().connect(); var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM web_sessions")) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) row.add(rs.getString(i));
        rows.add(row);
      }
    }
    return rows;
  }

  private Instant storedLastSeen() throws Exception {
    try (var c = server.database().connect(); var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT last_seen FROM web_sessions")) {
      assertThat(rs.next()).isTrue();
      return rs.getObject(1, OffsetDateTime.class).toInstant();
    }
  }
}
