package io.wayfinder.server.flow;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.wayfinder.store.flow.FlowQueries;
import io.wayfinder.store.flow.Outbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs a webhook: JSON body, {@code Idempotency-Key}, and when the node names a secret an
 * {@code X-Wayfinder-Signature: sha256=<hex HMAC-SHA256 of the body>} header. One circuit breaker
 * per destination (host and port): while a receiver keeps failing, attempts to it fail at once
 * instead of tying up delivery threads, and count as failed attempts.
 */
final class WebhookSender {
  static final String SIGNATURE_HEADER = "X-Wayfinder-Signature";

  private final HttpClient http;
  private final FlowQueries queries;
  private final Duration timeout;
  private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
      .slidingWindowSize(20)
      .minimumNumberOfCalls(10)
      .failureRateThreshold(50)
      .waitDurationInOpenState(Duration.ofSeconds(5))
      .permittedNumberOfCallsInHalfOpenState(2)
      .build());

  WebhookSender(FlowQueries queries, Duration timeout) {
    this.queries = queries;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
  }

  /** Sends once; returns the receiver's status. @throws IOException on a failed attempt (status, timeout, open circuit) */
  int send(Outbox.Item it) throws IOException, InterruptedException {
    String url = it.payload().get("url").asText();
    String body = it.payload().get("body").toString();
    CircuitBreaker cb = breakers.circuitBreaker(it.destination() == null ? url : it.destination());
    if (!cb.tryAcquirePermission()) throw new IOException("circuit open for " + cb.getName() + " (the receiver kept failing)");
    long t0 = System.nanoTime();
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", it.idempotencyKey())
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (it.payload().hasNonNull("secret")) {
      String name = it.payload().get("secret").asText();
      String secret = queries.secret(name).orElseThrow(() -> new IOException("no webhook secret named '" + name
          + "' (PUT /api/flows/secrets/" + name + ")"));
      req.header(SIGNATURE_HEADER, "sha256=" + sign(secret, body));
    }
    try {
      HttpResponse<Void> r = http.send(req.build(), HttpResponse.BodyHandlers.discarding());
      if (r.statusCode() / 100 != 2) throw new IOException("receiver answered " + r.statusCode());
      cb.onSuccess(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
      return r.statusCode();
    } catch (IOException e) {
      cb.onError(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS, e);
      throw e.getMessage() == null ? new IOException(e.getClass().getSimpleName(), e) : e;
    }
  }

  /** Hex HMAC-SHA256 of {@code body} under {@code secret}: what a receiver recomputes to verify. */
  static String sign(String secret, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
