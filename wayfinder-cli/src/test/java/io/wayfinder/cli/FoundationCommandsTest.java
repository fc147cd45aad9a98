package io.wayfinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.server.ServerConfig;
import io.wayfinder.server.WayfinderServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import, stats, sources and profiles through the real command line, on a data directory and through a server. */
class FoundationCommandsTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private Run run(String... args) {
    PrintStream oldOut = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      var cl = Main.commandLine();
      cl.setErr(new PrintWriter(err, true));
      int code = cl.execute(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(oldOut);
    }
  }

  @Test
  void importAndStatsOnADataDirectory() throws Exception {
    String data = dir.resolve("data").toString();
    Run r = run("import", SharedData.path("data/eventlogs/running-example.xes").toString(), "--data", data, "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode result = Json.MAPPER.readTree(r.out());
    assertThat(result.get("imported").asLong()).isEqualTo(42);
    assertThat(result.get("customers").asLong()).isEqualTo(6);
    Run stats = run("stats", "--data", data, "--json");
    JsonNode s = Json.MAPPER.readTree(stats.out());
    assertThat(s.get("events").asLong()).isEqualTo(42);
    assertThat(s.get("profiles").asLong()).isEqualTo(6);
    Run profile = run("profiles", "show", "3", "--data", data);
    assertThat(Json.MAPPER.readTree(profile.out()).get("eventCount").asLong()).isPositive();
  }

  @Test
  void brokenCsvFailsNamingFileLineAndFieldThenSkipWritesRejects() throws Exception {
    Path csv = dir.resolve("orders.csv");
    Files.writeString(csv, "customer,event,when\nc1,Order,2025-01-01T10:00:00Z\nc2,Order,31/02/2025\nc3,Order,2025-01-02T10:00:00Z\n");
    String data = dir.resolve("data").toString();
    Run r = run("import", csv.toString(), "--customer", "customer", "--activity", "event", "--timestamp", "when", "--data", data);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("orders.csv:3").contains("[when]").contains("31/02/2025");
    assertThat(Json.MAPPER.readTree(run("stats", "--data", data, "--json").out()).get("events").asLong()).isZero();
    Run skip = run("import", csv.toString(), "--customer", "customer", "--activity", "event", "--timestamp", "when",
        "--data", data, "--on-error", "skip");
    assertThat(skip.code()).as(skip.err()).isZero();
    assertThat(skip.out()).contains("imported 2 events").contains("skipped 1 bad rows");
    assertThat(Files.readAllLines(Path.of(csv + ".rejects.csv"))).hasSize(2).last().asString().startsWith("3,\"when\"");
  }

  @Test
  void demoDataFillsAFreshDataDirectoryOnceAndStatsReportIt() throws Exception {
    Path data = dir.resolve("demo");
    try (WayfinderServer server = WayfinderServer.start(new ServerConfig("127.0.0.1", 0, data, "demo-token"))) {
      var log = new ByteArrayOutputStream();
      DemoData.loadIfEmpty(server, 150, new PrintStream(log, true, StandardCharsets.UTF_8));
      long events = server.stats().events();
      assertThat(events).isGreaterThan(1_000);
      // the customers' profiles, and one per anonymous visitor (about 18 per customer) who never logs in
      long customers = count(server, "SELECT count(DISTINCT profile_id) FROM identities WHERE kind = 'user_id'");
      long visitors = count(server, "SELECT count(*) FROM profiles p WHERE merged_into IS NULL AND NOT EXISTS "
          + "(SELECT 1 FROM identities i WHERE i.profile_id = p.id AND i.kind = 'user_id')");
      assertThat(customers).isEqualTo(150);
      assertThat(visitors).isBetween(150L * 15, 150L * 21);
      assertThat(server.stats().profiles()).isEqualTo(customers + visitors);
      assertThat(Files.exists(data.resolve("demo/demo-events.jsonl.truth.json"))).isTrue();
      DemoData.loadIfEmpty(server, 150, new PrintStream(log, true, StandardCharsets.UTF_8));
      assertThat(server.stats().events()).isEqualTo(events);
      Run stats = run("stats", "--server", "http://127.0.0.1:" + server.port(), "--token", "demo-token", "--json");
      assertThat(Json.MAPPER.readTree(stats.out()).get("events").asLong()).isEqualTo(events);
    }
  }

  private static long count(WayfinderServer server, String sql) throws Exception {
    try (var c = server.database().connect(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void commandsGoThroughARunningServer() throws Exception {
    Path data = dir.resolve("served");
    try (WayfinderServer server = WayfinderServer.start(new ServerConfig("127.0.0.1", 0, data, "cli-test-token"))) {
      String url = "http://127.0.0.1:" + server.port();
      Run created = run("sources", "create", "shop", "--channel", "web", "--server", url, "--token", "cli-test-token");
      assertThat(created.code()).as(created.err()).isZero();
      assertThat(Json.MAPPER.readTree(created.out()).get("writeKey").asText()).startsWith("wk_");
      Run imported = run("import", SharedData.path("data/eventlogs/running-example.csv").toString(),
          "--server", url, "--token", "cli-test-token", "--json");
      assertThat(imported.code()).as(imported.err()).isZero();
      assertThat(Json.MAPPER.readTree(imported.out()).get("imported").asLong()).isEqualTo(42);
      Run stats = run("stats", "--server", url, "--token", "cli-test-token", "--json");
      assertThat(Json.MAPPER.readTree(stats.out()).get("events").asLong()).isEqualTo(42);
      Run wrongToken = run("stats", "--server", url, "--token", "nope");
      assertThat(wrongToken.code()).isEqualTo(1);
      assertThat(wrongToken.err()).contains("401");
    }
    Run down = run("stats", "--server", "http://127.0.0.1:9", "--token", "x");
    assertThat(down.err()).contains("cannot reach the server");
  }

  @Test
  void sourcesSecretPrintsTheStoredSigningSecretOnADataDirectoryAndThroughAServer() throws Exception {
    Path data = dir.resolve("secrets");
    String dataArg = data.toString();
    assertThat(run("sources", "create", "site", "--channel", "web", "--data", dataArg).code()).isZero();
    Run local = run("sources", "secret", "site", "--data", dataArg);
    assertThat(local.code()).as(local.err()).isZero();
    String first = Json.MAPPER.readTree(local.out()).get("signingSecret").asText();
    Run unknown = run("sources", "secret", "nowhere", "--data", dataArg);
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).contains("no source 'nowhere'");
    try (WayfinderServer server = WayfinderServer.start(new ServerConfig("127.0.0.1", 0, data, "cli-test-token"))) {
      assertThat(storedSecret(server, "site")).isEqualTo(first);
      Run remote = run("sources", "secret", "site", "--server", "http://127.0.0.1:" + server.port(), "--token", "cli-test-token");
      assertThat(remote.code()).as(remote.err()).isZero();
      String second = Json.MAPPER.readTree(remote.out()).get("signingSecret").asText();
      assertThat(second).isNotEqualTo(first).isEqualTo(storedSecret(server, "site"));
    }
  }

  private static String storedSecret(WayfinderServer server, String source) throws Exception {
    try (var c = server.database().connect();
        var ps = c.prepareStatement("SELECT secret FROM source_signing_secrets JOIN sources ON sources.id = source_id WHERE sources.name = ?")) {
      ps.setString(1, source);
      var rs = ps.executeQuery();
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }
}
