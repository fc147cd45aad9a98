package io.wayfinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.core.voc.kpi.Breakdown;
import io.wayfinder.core.voc.kpi.BreakdownEngine;
import io.wayfinder.core.voc.kpi.ScoreScale;
import io.wayfinder.store.Database;
import io.wayfinder.store.voc.KpiResponses;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FeedbackCommandTest {
  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter err = new StringWriter();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream old = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      CommandLine cl = Main.commandLine();
      cl.setErr(new PrintWriter(err));
      int exit = cl.execute(args);
      return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(old);
    }
  }

  @Test
  void fiveStarReviewsBecomeCsatResponsesOnceAndBadRowsStoreNothing() throws Exception {
    Path reviews = dir.resolve("reviews.csv");
    Files.writeString(reviews, """
        id,customer,stars,review,date
        r1,cust-1,5,"Great service, fast delivery",2024-05-01T10:00:00Z
        r2,cust-2,2,"Terrible, the parcel was damaged",2024-05-02T10:00:00Z
        r3,cust-3,4,Good,2024-05-03
        """);
    Path data = dir.resolve("data");
    String[] args = {"feedback", "import", reviews.toString(), "--customer-column", "customer", "--rating-column", "stars",
        "--text-column", "review", "--time-column", "date", "--id-column", "id", "--scale", "5", "--data", data.toString(), "--json"};
    Run first = run(args);
    assertThat(first.exit()).as(first.err()).isZero();
    JsonNode r = Json.MAPPER.readTree(first.out());
    assertThat(r.path("imported").asInt()).isEqualTo(3);
    assertThat(r.path("withKpiScore").asInt()).isEqualTo(3);
    assertThat(r.path("kpi").asText()).isEqualTo("csat");

    JsonNode again = Json.MAPPER.readTree(run(args).out());
    assertThat(again.path("imported").asInt()).isZero();
    assertThat(again.path("duplicates").asInt()).isEqualTo(3);

    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "id,customer,stars,review,date\nb1,cust-4,4,ok,2024-05-04\nb2,cust-5,6,too many stars,2024-05-04\n");
    args[2] = bad.toString();
    Run refused = run(args);
    assertThat(refused.exit()).isNotZero();
    assertThat(refused.err()).contains(":3", "rating", "1–5");

    try (Database db = Database.open(data)) {
      var table = new KpiResponses(db, "plan").table();
      assertThat(table.size()).isEqualTo(3);
      var csat = new BreakdownEngine().run(Breakdown.of(ScoreScale.CSAT), table).row().orElseThrow().kpi();
      assertThat(csat.value()).isCloseTo(100 * 2 / 3.0, org.assertj.core.api.Assertions.within(1e-9));
    }
  }

  @Test
  void oneToTenRatingsMapOntoNpsAsAnApproximationAndOddScalesKeepTheirRating() throws Exception {
    Path notes = dir.resolve("notes.jsonl");
    Files.writeString(notes, "{\"who\": \"c1\", \"score\": 10, \"note\": \"happy\"}\n{\"who\": \"c2\", \"score\": 1, \"note\": \"angry\"}\n");
    Path data = dir.resolve("data");
    Run nps = run("feedback", "import", notes.toString(), "--customer-column", "who", "--rating-column", "score",
        "--text-column", "note", "--scale", "10", "--kind", "call_note", "--channel", "call_centre", "--data", data.toString(), "--json");
    assertThat(nps.exit()).as(nps.err()).isZero();
    JsonNode r = Json.MAPPER.readTree(nps.out());
    assertThat(r.path("kpi").asText()).isEqualTo("nps");
    assertThat(r.path("mapping").asText()).contains("approximation");

    Run four = run("feedback", "import", notes.toString(), "--customer-column", "who", "--text-column", "note",
        "--scale", "0-4", "--source", "other", "--data", data.toString(), "--json");
    assertThat(four.exit()).as(four.err()).isZero();
    assertThat(Json.MAPPER.readTree(four.out()).path("withKpiScore").asInt()).isZero();
  }
}
