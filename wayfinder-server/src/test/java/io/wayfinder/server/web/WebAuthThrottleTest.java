package io.wayfinder.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.wayfinder.server.ServerConfig;
import io.wayfinder.server.WayfinderServer;
import io.wayfinder.server.problem.Problem;
import io.wayfinder.store.users.Role;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Password guessing is slowed: 5 failures for a name or 20 from an address within 15 minutes, and
 * further sign-ins are refused with 429 before any password is checked.
 */
class WebAuthThrottleTest {
  static final String PASSWORD = "correct horse battery";
  static final String MEMBER_PASSWORD = "member password 1";
  @TempDir static Path dir;
  static final TestClock clock = new TestClock(Instant.parse("2025-03-01T09:00:00Z"));
  static WayfinderServer server;
  static WebClient web;

  @BeforeAll
  static void start() {
    server = WayfinderServer.start(new ServerConfig("127.0.0.1", 0, dir, "test-admin-token", PASSWORD), clock);
    server.users().create("mia", MEMBER_PASSWORD, Role.MEMBER);
    web = new WebClient(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Every test signs in from 127.0.0.1: an hour later, the failures of the tests before are out of the window. */
  @BeforeEach
  void anHourLater() {
    clock.advance(Duration.ofHours(1));
  }

  @Test
  void sixthWrongPasswordIsThrottledWith429AndRetryAfter() throws Exception {
    for (int i = 1; i <= 5; i++) assertThat(web.signInResponse("mia", "wrong password " + i).statusCode()).as("attempt %d", i).isEqualTo(401);
    HttpResponse<String> sixth = web.signInResponse("mia", "wrong password 6");
    assertThat(sixth.statusCode()).isEqualTo(429);
    assertThat(sixth.headers().firstValue("Retry-After")).hasValue("900");
    assertThat(sixth.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(Problem.CONTENT_TYPE));
    assertThat(sixth.body()).contains("\"status\":429", "\"title\":\"Too Many Requests\"", "try again in 900 seconds");
  }

  @Test
  void correctPasswordDuringLockoutIsRefused() throws Exception {
    // The name counts whatever its case.
    for (String name : List.of("mia", "Mia", "MIA", "mIa", "miA")) assertThat(web.signInResponse(name, "wrong password").statusCode()).isEqualTo(401);
    HttpResponse<String> right = web.signInResponse("mia", MEMBER_PASSWORD);
    assertThat(right.statusCode()).isEqualTo(429);
    assertThat(right.body()).contains("without checking the password, a correct one too");
    assertThat(WebClient.sessionCookie(right)).isEmpty();
    assertThat(web.signIn("admin", PASSWORD)).as("another name from the same address").isPresent();
  }

  @Test
  void lockoutEndsAfterWindow() throws Exception {
    for (int i = 1; i <= 5; i++) assertThat(web.signInResponse("mia", "wrong password").statusCode()).isEqualTo(401);
    clock.advance(SignInThrottle.WINDOW.minusSeconds(1));
    HttpResponse<String> early = web.signInResponse("mia", MEMBER_PASSWORD);
    assertThat(early.statusCode()).isEqualTo(429);
    assertThat(early.headers().firstValue("Retry-After")).hasValue("1");
    clock.advance(Duration.ofSeconds(1));
    assertThat(web.signIn("mia", MEMBER_PASSWORD)).isPresent();
  }

  @Test
  void successClearsFailures() throws Exception {
    for (int i = 1; i <= 4; i++) assertThat(web.signInResponse("mia", "wrong password").statusCode()).isEqualTo(401);
    assertThat(web.signIn("mia", MEMBER_PASSWORD)).isPresent();
    for (int i = 1; i <= 5; i++) assertThat(web.signInResponse("mia", "wrong password").statusCode()).as("attempt %d after the success", i).isEqualTo(401);
    assertThat(web.signInResponse("mia", "wrong password").statusCode()).isEqualTo(429);
  }

  @Test
  void twentyFailuresFromOneAddressRefuseEveryName() throws Exception {
    for (int i = 1; i <= 20; i++) assertThat(web.signInResponse("guess" + i, "wrong password").statusCode()).as("name %d", i).isEqualTo(401);
    HttpResponse<String> admin = web.signInResponse("admin", PASSWORD);
    assertThat(admin.statusCode()).isEqualTo(429);
    assertThat(admin.headers().firstValue("Retry-After")).hasValue("900");
  }

  @Test
  void parallelGuessesCannotGetPastTheLimit() {
    List<CompletableFuture<HttpResponse<String>>> sent = IntStream.range(0, 8)
        .mapToObj(i -> web.http().sendAsync(web.request("POST", "/auth/sign-in", null, WebClient.credentials("mia", "wrong " + i),
            null, "application/json", null), HttpResponse.BodyHandlers.ofString()))
        .toList();
    List<Integer> statuses = sent.stream().map(f -> f.join().statusCode()).toList();
    assertThat(statuses).filteredOn(s -> s == 401).hasSize(5);
    assertThat(statuses).filteredOn(s -> s == 429).hasSize(3);
  }
}
