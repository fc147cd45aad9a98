package io.wayfinder.cli;

import io.wayfinder.server.ServerConfig;
import io.wayfinder.server.WayfinderServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each page's main request on the demo data (2,000 customers, seed 42), through a real server with
 * a signed-in session; median and worst of 20 after 5 warm-up calls. Run by hand (results in
 * bench/results/web.md):
 *
 * <pre>
 * mvn -B -q -DskipTests package &amp;&amp; mvn -B -q -pl wayfinder-cli -am test-compile
 * java -cp wayfinder-cli/target/wayfinder.jar:wayfinder-cli/target/test-classes io.wayfinder.cli.WebBenchmark
 * </pre>
 */
public final class WebBenchmark {
  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("wf-web-bench");
    try (WayfinderServer server = WayfinderServer.start(new ServerConfig("127.0.0.1", 0, dir, "bench-token", "bench password 1"))) {
      DemoData.loadIfEmpty(server, 2000, new PrintStream(OutputStream.nullOutputStream()));
      String base = "http://127.0.0.1:" + server.port();
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(base + "/auth/sign-in"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"admin\",\"password\":\"bench password 1\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
      Map<String, String> pages = new LinkedHashMap<>();
      pages.put("Overview", "/api/web/overview?from=2024-12-31&to=2026-01-01");
      pages.put("Overview (all time)", "/api/web/overview");
      pages.put("Journey map", server.routes().contains("GET /api/journeys/{id}/map") ? "/api/journeys/online_order/map" : null);
      pages.put("Funnels and paths (event names)", "/api/web/events");
      pages.put("Feedback", "/api/web/feedback?scale=nps&limit=200");
      pages.put("Feedback (negative only)", "/api/web/feedback?sentiment=negative&limit=200");
      pages.put("Customers (most active)", "/api/web/customers?limit=100");
      pages.put("Customers (search)", "/api/web/customers?q=taylor&limit=100");
      pages.put("Customer profile", "/api/profiles/cust-0000081?timeline=300");
      pages.put("Customer journeys", "/api/web/customers/112/journeys");
      pages.put("Settings (sources)", "/api/sources");
      pages.put("Value (CLV scores)", "/api/clv/scores?limit=100000&order=clv");
      pages.put("Value (segments)", "/api/segments");
      pages.put("Journey pain points", "/api/painpoints?journey=online_order");
      System.out.printf("%-34s %10s %10s %8s%n", "page: main request", "median ms", "max ms", "bytes");
      for (var e : pages.entrySet()) {
        if (e.getValue() == null) {
          System.out.printf("%-34s %10s%n", e.getKey(), "(no API)");
          continue;
        }
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + e.getValue())).header("Cookie", cookie).GET().build();
        int bytes = 0;
        for (int i = 0; i < 5; i++) bytes = check(http.send(req, HttpResponse.BodyHandlers.ofString()), e.getValue()).length();
        double[] ms = new double[20];
        for (int i = 0; i < ms.length; i++) {
          long t0 = System.nanoTime();
          check(http.send(req, HttpResponse.BodyHandlers.ofString()), e.getValue());
          ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%-34s %10.1f %10.1f %8d%n", e.getKey(), ms[ms.length / 2], ms[ms.length - 1], bytes);
      }
    }
  }

  private static String check(HttpResponse<String> r, String path) {
    if (r.statusCode() != 200) throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
    return r.body();
  }

  private WebBenchmark() {}
}
