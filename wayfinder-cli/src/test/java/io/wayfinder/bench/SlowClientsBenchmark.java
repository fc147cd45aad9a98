package io.wayfinder.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slow-body clients against a running server, run by {@code bench/slow-clients.sh} (results in
 * bench/RESULTS.md). Opens {@code N} connections that each announce a large body
 * ({@code Content-Length: 400000} to {@code /v1/batch} without credentials, {@code 10000} to
 * {@code /auth/sign-in}) and trickle 10 bytes every 10 s; a connection the server closes is opened
 * again, so N stay attempted throughout. Meanwhile it asks {@code GET /health} every 100 ms and
 * sends an authenticated {@code /v1/track} every second, each from its own thread, and prints
 * their latencies (a request that takes more than 5 s counts as failed) and how many slow
 * connections the server held open.
 *
 * <p>Usage: {@code SlowClientsBenchmark BASE_URL WRITE_KEY [CONNECTIONS] [SECONDS]}.
 */
public final class SlowClientsBenchmark {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    String key = args[1];
    int n = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
    Slow[] slow = new Slow[n];
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) slow[i] = Slow.open(base, i);
    System.out.printf(Locale.ROOT, "opened %d slow connections in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
    HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    List<Long> health = Collections.synchronizedList(new ArrayList<>());
    List<Long> track = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger healthFailed = new AtomicInteger();
    AtomicInteger trackFailed = new AtomicInteger();
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    // The probes run on their own threads, at a fixed pace, so the slow clients' own work cannot delay them.
    Thread healthProbe = probe(end, 100, () -> record(health, healthFailed,
        timed(http, HttpRequest.newBuilder(base.resolve("/health")).timeout(TIMEOUT).build())));
    Thread trackProbe = probe(end, 1000, () -> record(track, trackFailed,
        timed(http, HttpRequest.newBuilder(base.resolve("/v1/track")).timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"Bench\",\"userId\":\"u" + System.nanoTime() + "\"}")).build())));
    int reopened = 0;
    int minHeld = n;
    int rounds = 0;
    while (System.nanoTime() < end) {
      long roundStart = System.nanoTime();
      int held = 0;
      for (int i = 0; i < n; i++) {
        if (slow[i].trickle()) {
          held++;
        } else {
          slow[i].close();
          slow[i] = Slow.open(base, i);
          reopened++;
        }
      }
      if (rounds++ > 0) minHeld = Math.min(minHeld, held);
      long sleep = Duration.ofSeconds(10).toNanos() - (System.nanoTime() - roundStart);
      Thread.sleep(Math.max(0, Math.min(sleep, end - System.nanoTime()) / 1_000_000));
    }
    healthProbe.join();
    trackProbe.join();
    for (Slow s : slow) s.close();
    System.out.printf(Locale.ROOT, "slow connections: %d kept attempted; after the first round at least %d were still open at each 10 s round; "
        + "%d reopened after the server dropped them%n", n, minHeld, reopened);
    System.out.printf(Locale.ROOT, "GET /health every 100 ms: %d answered, %d failed; %s%n", health.size(), healthFailed.get(), summary(health));
    System.out.printf(Locale.ROOT, "POST /v1/track (authenticated) every 1 s: %d answered 200, %d failed; %s%n", track.size(), trackFailed.get(), summary(track));
  }

  private static Thread probe(long end, long everyMs, Runnable r) {
    Thread t = new Thread(() -> {
      long next = System.nanoTime();
      while (System.nanoTime() < end) {
        r.run();
        next += everyMs * 1_000_000;
        long wait = (next - System.nanoTime()) / 1_000_000;
        if (wait > 0) {
          try {
            Thread.sleep(wait);
          } catch (InterruptedException e) {
            return;
          }
        } else {
          next = System.nanoTime(); // a slow answer: no burst to catch up
        }
      }
    });
    t.start();
    return t;
  }

  private static void record(List<Long> ms, AtomicInteger failed, long t) {
    if (t < 0) failed.incrementAndGet();
    else ms.add(t);
  }

  /** Milliseconds to a 200, or -1 for any other answer or none within the timeout. */
  private static long timed(HttpClient http, HttpRequest r) {
    long t = System.nanoTime();
    try {
      HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
      return res.statusCode() == 200 ? (System.nanoTime() - t) / 1_000_000 : -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static String summary(List<Long> ms) {
    if (ms.isEmpty()) return "no answers";
    long[] s = List.copyOf(ms).stream().mapToLong(Long::longValue).sorted().toArray();
    return String.format(Locale.ROOT, "p50 %d ms, p99 %d ms, max %d ms", s[s.length / 2],
        s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.99) - 1)], s[s.length - 1]);
  }

  /** One slow client: a POST whose body comes 10 bytes at a time. */
  private record Slow(Socket socket) {
    static Slow open(URI base, int i) {
      Socket s = new Socket();
      try {
        s.connect(new InetSocketAddress(base.getHost(), base.getPort()), (int) TIMEOUT.toMillis());
        boolean signIn = i % 2 == 0;
        String head = "POST " + (signIn ? "/auth/sign-in" : "/v1/batch") + " HTTP/1.1\r\nHost: " + base.getHost()
            + "\r\nContent-Type: application/json\r\nContent-Length: " + (signIn ? 10_000 : 400_000) + "\r\n\r\n";
        s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
      } catch (IOException e) {
        // refused or reset: counted as not held at the next round
      }
      return new Slow(s);
    }

    /** Sends the next 10 bytes; false once the server has answered or closed. */
    boolean trickle() {
      try {
        if (!socket.isConnected() || socket.isClosed()) return false;
        InputStream in = socket.getInputStream();
        if (in.available() > 0) return false; // the server answered (408 or 413): it let the request go
        OutputStream out = socket.getOutputStream();
        out.write("{\"batch\":[".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  private SlowClientsBenchmark() {}

}
