package io.wayfinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wayfinder.server.ServerConfig;
import io.wayfinder.server.WayfinderServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wayfinder flows load|list|publish|trace} against a running server. */
class FlowsCommandTest {
  private static final String TOKEN = "flows-cli-token";

  @Test
  void loadPublishListAndTraceAFlowAndRefuseABadOneNamingNodeAndField(@TempDir Path dir) throws Exception {
    try (WayfinderServer server = WayfinderServer.start(new ServerConfig("127.0.0.1", 0, dir.resolve("data"), TOKEN))) {
      String url = "http://127.0.0.1:" + server.port();
      Path good = dir.resolve("hello.yaml");
      Files.writeString(good, """
          id: hello
          version: 1
          name: Hello
          nodes:
            - {id: t, type: trigger.event, event: Hello, next: a}
            - {id: a, type: action.inApp, body: "hi {{customer.id}}", next: x}
            - {id: x, type: exit}
          """);
      Path bad = dir.resolve("bad.json");
      Files.writeString(bad, """
          {"id": "bad", "version": 1, "nodes": [
            {"id": "t", "type": "trigger.event", "event": "Hello", "next": "a"},
            {"id": "a", "type": "action.sms", "next": "t"}]}""");

      CliRun load = CliRun.of("flows", "load", good.toString(), "--publish", "--no-name-check", "--server", url, "--token", TOKEN);
      assertThat(load.exit()).as(load.out() + load.err()).isZero();
      assertThat(load.out()).contains("loaded hello version 1 (draft)", "published hello version 1");

      CliRun refused = CliRun.of("flows", "load", bad.toString(), "--no-name-check", "--server", url, "--token", TOKEN);
      assertThat(refused.exit()).isNotZero();
      assertThat(refused.out() + refused.err()).contains("node 'a', field 'type'", "unknown node type");

      CliRun list = CliRun.of("flows", "list", "--server", url, "--token", TOKEN);
      assertThat(list.out()).containsPattern("hello\\s+1\\s+published\\s+Hello").doesNotContain("bad");

      String key = server.sources().getOrCreate("web", "web").writeKey();
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/v1/track"))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8)))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"userId\": \"ada\", \"event\": \"Hello\"}")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      long end = System.currentTimeMillis() + 15_000;
      CliRun trace;
      do {
        Thread.sleep(100);
        trace = CliRun.of("flows", "trace", "ada", "--server", url, "--token", TOKEN);
      } while (!trace.out().contains("delivered") && System.currentTimeMillis() < end);
      assertThat(trace.out()).contains("hello v1", "entered", "queued", "delivered", "exited");

      // a data directory with no server running in it (a missing directory is refused before: CommandOutputTest)
      io.wayfinder.store.Database.open(dir.resolve("other")).close();
      CliRun noServer = CliRun.of("flows", "list", "--data", dir.resolve("other").toString());
      assertThat(noServer.out() + noServer.err()).contains("flows run in the server");
    }
  }
}
