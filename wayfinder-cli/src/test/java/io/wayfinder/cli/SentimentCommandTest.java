package io.wayfinder.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class SentimentCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @ParameterizedTest
  @CsvSource({
      "tweets_GroundTruth.txt, 4200, 0.8722, 0.8988",
      "amazonReviewSnippets_GroundTruth.txt, 3708, 0.5896, 0.5874",
  })
  void humanRatedCorporaMatchTheReferenceFigures(String file, int texts, double r, double accuracy) throws IOException {
    Run run = run("sentiment", SharedData.path("data/vader/" + file).toString(),
        "--text-column", "3", "--gold-column", "2", "--gold-scale", "4", "--json");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode o = JSON.readTree(run.out());
    assertThat(o.get("texts").asInt()).isEqualTo(texts);
    assertThat(o.get("pearson_r").asDouble()).isCloseTo(r, within(0.005));
    assertThat(o.get("accuracy_3class").asDouble()).isCloseTo(accuracy, within(0.005));
  }

  @Test
  void withoutGoldEachRowGetsItsScoresAsJsonLines() throws IOException {
    Path csv = Files.writeString(dir.resolve("feedback.csv"),
        "id,comment\n1,\"The book was good.\"\n2,\"Terrible, \"\"awful\"\" service\"\n3,\"Not bad\nat all\"\n");
    Run run = run("sentiment", csv.toString(), "--text-column", "comment", "--json");
    assertThat(run.exit()).as(run.err()).isZero();
    String[] lines = run.out().strip().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(JSON.readTree(lines[0]).get("compound").asDouble()).isEqualTo(0.4404);
    assertThat(JSON.readTree(lines[1]).get("class").asText()).isEqualTo("negative");
    assertThat(JSON.readTree(lines[2]).get("compound").asDouble()).isEqualTo(0.431);
    assertThat(JSON.readTree(lines[2]).get("line").asLong()).isEqualTo(4);
  }

  @Test
  void jsonLinesColumnsAreFieldNames() throws IOException {
    Path jsonl = Files.writeString(dir.resolve("reviews.jsonl"),
        "{\"text\":\"VADER is smart, handsome, and funny.\",\"stars\":5}\n{\"stars\":1,\"text\":\"Today SUX!\"}\n");
    Run run = run("sentiment", jsonl.toString(), "--text-column", "text", "--gold-column", "stars", "--gold-scale", "5", "--json");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode o = JSON.readTree(run.out());
    assertThat(o.get("texts").asInt()).isEqualTo(2);
    assertThat(o.get("accuracy_3class").asDouble()).isEqualTo(0.5);
  }

  @Test
  void aBadGoldValueNamesTheFileLineAndColumn() throws IOException {
    Path tsv = Files.writeString(dir.resolve("rated.tsv"), "1\t2.5\tgreat\n2\tn/a\tbad\n");
    Run run = run("sentiment", tsv.toString(), "--text-column", "3", "--gold-column", "2");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("rated.tsv:2 [2]: gold rating is not a number");
  }

  @Test
  void aMissingFileIsOneClearLine() {
    Run run = run("sentiment", dir.resolve("nope.tsv").toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err().strip()).isEqualTo("wayfinder: " + dir.resolve("nope.tsv") + ": no such file");
  }
}
