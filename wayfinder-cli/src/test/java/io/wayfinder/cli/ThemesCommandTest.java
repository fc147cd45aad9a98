package io.wayfinder.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wayfinder themes} on a small fixed slice of BANKING77 (4 intents), and on bad files. */
class ThemesCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> INTENTS = List.of("card_arrival", "exchange_rate", "pin_blocked", "top_up_failed");
  @TempDir static Path dir;
  static Path train;
  static Path test;

  @BeforeAll
  static void slice() throws IOException {
    train = slice("train.csv", 15);
    test = slice("test.csv", 10);
  }

  /** The header and the first {@code perIntent} rows of each of {@link #INTENTS}, as written. */
  private static Path slice(String file, int perIntent) throws IOException {
    List<String> out = new ArrayList<>(List.of("text,category"));
    Map<String, Integer> taken = new HashMap<>();
    for (String line : Files.readAllLines(SharedData.path("data/banking77/" + file))) {
      String label = line.substring(line.lastIndexOf(',') + 1);
      // the slice keeps single-line rows only, so splitting on lines is exact
      if (INTENTS.contains(label) && !line.startsWith("\"") && taken.merge(label, 1, Integer::sum) <= perIntent) out.add(line);
    }
    return Files.write(dir.resolve(file), out);
  }

  @Test
  void evaluatePrintsAccuracyThatAgreesWithItsPerThemeRecall() throws IOException {
    CliRun run = CliRun.writers("themes", "evaluate", "--train", train.toString(), "--test", test.toString(),
        "--text-column", "text", "--label-column", "category", "--json");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode o = JSON.readTree(run.out());
    assertThat(o.get("texts").asInt()).isEqualTo(40);
    assertThat(o.get("train_texts").asInt()).isEqualTo(60);
    assertThat(o.get("themes").asInt()).isEqualTo(4);
    assertThat(o.get("train_seconds").asDouble()).isPositive();
    assertThat(o.get("accuracy").asDouble()).isGreaterThanOrEqualTo(0.8);
    assertThat(o.has("tfidf_accuracy")).isTrue();
    // correct texts counted two ways: overall, and summed over the themes' recall × support
    double correct = 0;
    int support = 0;
    for (JsonNode t : o.get("per_theme")) {
      correct += t.get("recall").asDouble() * t.get("support").asInt();
      support += t.get("support").asInt();
    }
    assertThat(support).isEqualTo(40);
    assertThat(o.get("accuracy").asDouble()).isCloseTo(correct / 40, within(1e-9));
  }

  @Test
  void discoverScoresEmbeddingClustersAboveTfidfClustersAndNamesThem() throws IOException {
    CliRun run = CliRun.writers("themes", "discover", test.toString(), "--text-column", "text", "--label-column", "category", "--json");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode o = JSON.readTree(run.out());
    assertThat(o.get("clusters").asInt()).isEqualTo(4);
    assertThat(o.at("/embedding_kmeans/nmi").asDouble()).isGreaterThan(o.at("/tfidf_kmeans/nmi").asDouble());
    int texts = 0;
    for (JsonNode t : o.get("themes")) {
      texts += t.get("texts").asInt();
      assertThat(t.get("terms").size()).isPositive();
      assertThat(t.get("examples").get(0).get("line").asLong()).isBetween(2L, 41L);
    }
    assertThat(texts).isEqualTo(40);
  }

  @Test
  void anEmptyTextIsAnErrorNamingItsLine() throws IOException {
    Path bad = Files.writeString(dir.resolve("empty-text.csv"), "text,category\nwhere is my card,card_arrival\n\"  \",pin_blocked\n");
    CliRun run = CliRun.writers("themes", "evaluate", "--train", bad.toString(), "--test", test.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains(bad + ":3 [text]: empty text");
  }

  @Test
  void anEmptyLabelIsAnErrorNamingItsLine() throws IOException {
    Path bad = Files.writeString(dir.resolve("empty-label.csv"), "text,category\nwhere is my card,card_arrival\nmy pin is blocked,\n");
    CliRun run = CliRun.writers("themes", "evaluate", "--train", bad.toString(), "--test", test.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains(bad + ":3 [category]: empty theme label");
  }

  @Test
  void textThatIsNotUtf8IsAnErrorNamingItsLine() throws IOException {
    Path bad = dir.resolve("latin1.csv");
    Files.write(bad, "text,category\nok,card_arrival\nd\u00e9j\u00e0 bloqu\u00e9,pin_blocked\n".getBytes(StandardCharsets.ISO_8859_1));
    CliRun run = CliRun.writers("themes", "discover", bad.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains(bad + ":3").contains("not UTF-8");
  }

  @Test
  void aTaxonomyWithADuplicateOrEmptyThemeIsRefusedNamingTheLine() throws IOException {
    Path dup = Files.writeString(dir.resolve("dup.txt"), "card_arrival\nexchange_rate\ncard_arrival\n");
    CliRun run = CliRun.writers("themes", "evaluate", "--train", train.toString(), "--test", test.toString(), "--themes", dup.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains(dup + ":3: duplicate theme \"card_arrival\" (first on line 1)");
    Path empty = Files.writeString(dir.resolve("empty.txt"), "card_arrival\n\nexchange_rate\n");
    run = CliRun.writers("themes", "evaluate", "--train", train.toString(), "--test", test.toString(), "--themes", empty.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains(empty + ":2: empty theme name");
  }

  @Test
  void aLabelOutsideTheTaxonomyIsRefusedNamingItsLine() throws IOException {
    Path themes = Files.writeString(dir.resolve("three.txt"), "card_arrival\nexchange_rate\ntop_up_failed\n");
    CliRun run = CliRun.writers("themes", "evaluate", "--train", train.toString(), "--test", test.toString(), "--themes", themes.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains(train.toString() + ":").contains("[category]: theme \"pin_blocked\" is not in the taxonomy");
  }
}
