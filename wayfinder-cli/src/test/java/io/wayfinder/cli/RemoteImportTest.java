package io.wayfinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.server.ServerConfig;
import io.wayfinder.server.WayfinderServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code import} and {@code feedback import} through a running server fail with exactly the line
 * they print on a data directory: the user's path, the CLI's flags, never the server's spool path.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteImportTest {
  private static final String TOKEN = "remote-import-token";
  @TempDir static Path dir;
  private WayfinderServer server;

  @BeforeAll
  void start() throws IOException {
    server = WayfinderServer.start(new ServerConfig("127.0.0.1", 0, dir.resolve("served"), TOKEN));
    Files.writeString(dir.resolve("orders.csv"),
        "customer,event,when\nc1,Order,2025-01-01T10:00:00Z\nc2,Order,31/02/2025\nc3,Order,2025-01-02T10:00:00Z\n");
    Files.copy(dir.resolve("orders.csv"), dir.resolve("orders.xyz"));
    Files.write(dir.resolve("latin1.csv"), "customer,event,when\nc1,Order,2025-01-01T10:00:00Z\nc2,Ord\u00e9r,2025-01-01T11:00:00Z\n"
        .getBytes(StandardCharsets.ISO_8859_1));
    Files.writeString(dir.resolve("reviews.csv"), "id,customer,stars\nr1,c1,5\nr2,c2,9\n");
    Files.writeString(dir.resolve("unrated.csv"), "id,customer,stars\nr1,c1,5\nr2,c2,lots\n");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String[] local(String... args) {
    return with(args, "--data", dir.resolve("local").toString());
  }

  private String[] remote(String... args) {
    return with(args, "--server", "http://127.0.0.1:" + server.port(), "--token", TOKEN);
  }

  private static String[] with(String[] args, String... more) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  Stream<Arguments> failures() {
    String orders = dir.resolve("orders.csv").toString();
    String[] columns = {"--customer", "customer", "--activity", "event", "--timestamp", "when"};
    return Stream.of(
        Arguments.of("a bad row", with(new String[] {"import", orders}, columns),
            orders + ":3 [when]: '31/02/2025' is not an ISO-8601 timestamp"),
        Arguments.of("a missing column, hinting the CLI flag", new String[] {"import", orders},
            orders + ":1 [case:concept:name]: no case column 'case:concept:name' in the header [customer, event, when]"
                + " (name it with --customer)"),
        Arguments.of("a source name the store refuses", with(new String[] {"import", orders, "--source", "bad name!!"}, columns),
            "--source: 1-100 letters, digits, spaces, '_', '.', '-', starting with a letter or digit"),
        Arguments.of("a file name that tells no format", new String[] {"import", dir.resolve("orders.xyz").toString()},
            dir.resolve("orders.xyz") + ": cannot tell the format from the file name; give it with --format (csv, jsonl, xes or parquet)"),
        Arguments.of("a file that is not UTF-8", with(new String[] {"import", dir.resolve("latin1.csv").toString()}, columns),
            dir.resolve("latin1.csv") + ":3: not UTF-8 text (byte 0xE9 at column 7)"),
        Arguments.of("a rating off the scale", new String[] {"feedback", "import", dir.resolve("reviews.csv").toString(),
            "--customer-column", "customer", "--rating-column", "stars", "--scale", "5"},
            dir.resolve("reviews.csv") + ":3 [rating]: rating must be a whole number 1–5, got 9.0"),
        Arguments.of("a rating that is no number", new String[] {"feedback", "import", dir.resolve("unrated.csv").toString(),
            "--customer-column", "customer", "--rating-column", "stars", "--scale", "5"},
            dir.resolve("unrated.csv") + ":3 [rating]: a number, got 'lots'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void throughAServerAFailurePrintsTheLineOfALocalRun(String what, String[] args, String expected) {
    CliRun onData = CliRun.of(local(args));
    CliRun throughServer = CliRun.of(remote(args));
    assertThat(onData.exit()).isEqualTo(1);
    assertThat(onData.err()).isEqualTo("wayfinder: " + expected + System.lineSeparator());
    assertThat(throughServer.exit()).isEqualTo(1);
    assertThat(throughServer.err()).isEqualTo(onData.err());
  }

  @Test
  void throughAServerTheResultNamesTheFileAsALocalImportDoes() throws IOException {
    Path good = dir.resolve("good.csv");
    Files.writeString(good, "customer,event,when\nc1,Order,2025-01-01T10:00:00Z\n");
    String[] args = {"import", good.toString(), "--customer", "customer", "--activity", "event", "--timestamp", "when", "--json"};
    CliRun throughServer = CliRun.of(remote(args));
    assertThat(throughServer.exit()).as(throughServer.err()).isZero();
    JsonNode result = Json.MAPPER.readTree(throughServer.out());
    assertThat(result.get("file").asText()).isEqualTo(good.toString());
    assertThat(result.get("imported").asLong()).isEqualTo(1);
  }
}
