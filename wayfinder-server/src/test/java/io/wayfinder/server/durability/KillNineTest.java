package io.wayfinder.server.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.wayfinder.store.Database;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 2xx means committed: SIGKILL the server mid-load and every acknowledged event is still there. */
class KillNineTest {
  @TempDir Path dir;

  @Test
  void killMinusNineDuringLoadLosesNoAcknowledgedEvent() throws Exception {
    Path data = dir.resolve("data");
    Path portFile = dir.resolve("port");
    Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ServerProcess.class.getName(), data.toString(), portFile.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (!Files.exists(portFile)) {
      assertThat(server.isAlive()).as("server process is alive (see server.log)").isTrue();
      assertThat(System.nanoTime()).as("server started within 180 s").isLessThan(deadline);
      Thread.sleep(50);
    }
    List<String> lines = Files.readAllLines(portFile);
    String base = "http://127.0.0.1:" + lines.get(0).trim();
    String auth = "Basic " + Base64.getEncoder().encodeToString((lines.get(1).trim() + ":").getBytes(StandardCharsets.UTF_8));

    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicBoolean stop = new AtomicBoolean();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    ExecutorService senders = Executors.newFixedThreadPool(4);
    for (int t = 0; t < 4; t++) {
      int thread = t;
      senders.submit(() -> {
        for (int b = 0; !stop.get(); b++) {
          List<String> ids = new ArrayList<>();
          StringBuilder body = new StringBuilder("{\"batch\":[");
          for (int i = 0; i < 100; i++) {
            String id = "t" + thread + "-b" + b + "-m" + i;
            ids.add(id);
            body.append(i == 0 ? "" : ",").append("{\"type\":\"track\",\"event\":\"Load Test\",\"userId\":\"u")
                .append(i % 17).append("\",\"messageId\":\"").append(id).append("\"}");
          }
          body.append("]}");
          try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/batch"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() == 200) acknowledged.addAll(ids);
          } catch (Exception e) {
            return null; // the server is gone: this batch was never acknowledged
          }
        }
        return null;
      });
    }
    while (acknowledged.size() < 20_000 && System.nanoTime() < deadline) Thread.sleep(20);
    server.destroyForcibly(); // SIGKILL on Unix
    assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
    stop.set(true);
    senders.shutdown();
    assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(1_000);

    Set<String> stored = new HashSet<>();
    try (Database db = Database.open(data); var c = db.connect(); var st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT message_id FROM events")) {
      while (rs.next()) stored.add(rs.getString(1));
    }
    assertThat(stored).containsAll(acknowledged);
  }
}
