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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code wayfinder clv} contract, run through picocli as the launcher runs it. */
class ClvCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static Path cdnow(String name) {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path f = p.resolve("shared/data/cdnow").resolve(name);
      if (Files.exists(f)) return f;
    }
    throw new IllegalStateException("../shared/data/cdnow/" + name + " not found");
  }

  static String[] fitArgs(String model, String... extra) {
    List<String> a = new ArrayList<>(List.of("clv", "fit", "--transactions", cdnow("cdnowElog.csv").toString(),
        "--id-col", "sampleid", "--date-col", "date", "--amount-col", "sales",
        "--calibration-end", "1997-09-30", "--observation-end", "1998-06-30", "--model", model, "--json"));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  @Test
  void fitContractOnTheCdnowLog() throws IOException {
    Run r = run(fitArgs("bgnbd", "--round", "2"));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode o = JSON.readTree(r.out());
    assertThat(o.path("model").asText()).isEqualTo("bgnbd");
    assertThat(o.path("customers").asInt()).isEqualTo(2357);
    JsonNode p = o.path("params");
    assertThat(p.path("r").asDouble()).isCloseTo(0.24259292827982182, within(0.24259 * 2e-4));
    assertThat(p.path("alpha").asDouble()).isCloseTo(4.413532265271819, within(4.4135 * 2e-4));
    assertThat(p.path("a").asDouble()).isCloseTo(0.7928859664406882, within(0.79289 * 2e-4));
    assertThat(p.path("b").asDouble()).isCloseTo(2.42575238262586, within(2.4258 * 2e-4));
    assertThat(o.path("loglik").asDouble()).isCloseTo(-9582.425560567368, within(1e-3));
    assertThat(o.path("standard_errors").path("r").asDouble()).isCloseTo(0.012557, within(1e-5));
    assertThat(o.path("time_unit").asText()).isEqualTo("weeks");
    JsonNode h = o.path("holdout");
    assertThat(h.path("actual").asInt()).isEqualTo(1882);
    assertThat(h.path("periods_after_calibration").path("first").asInt()).isEqualTo(40);
    assertThat(h.path("periods_after_calibration").path("last").asInt()).isEqualTo(78);
    assertThat(h.path("tracking")).hasSize(78);
    assertThat(h.path("by_frequency")).hasSize(8);
    assertThat(r.out()).doesNotContain("NaN").doesNotContain("Infinity");
  }

  @Test
  void everyModelUsesTheLiteratureNames() throws IOException {
    assertThat(JSON.readTree(run(fitArgs("mbgnbd")).out()).path("params").fieldNames()).toIterable().containsExactly("r", "alpha", "a", "b");
    assertThat(JSON.readTree(run(fitArgs("paretonbd")).out()).path("params").fieldNames()).toIterable().containsExactly("r", "alpha", "s", "beta");
    JsonNode gg = JSON.readTree(run(fitArgs("gammagamma", "--round", "2")).out());
    assertThat(gg.path("params").fieldNames()).toIterable().containsExactly("p", "q", "gamma");
    assertThat(gg.path("customers").asInt()).isEqualTo(946);
    assertThat(gg.path("loglik").asDouble()).isCloseTo(-4055.9232435028644, within(1e-3));
  }

  @Test
  void cdnowMasterLayoutAndTableOutput() {
    Run r = run("clv", "fit", "--transactions", cdnow("CDNOW_master.txt").toString(), "--format", "cdnow",
        "--calibration-end", "19970930", "--model", "bgnbd");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("BG/NBD on 23570 customers (weeks; calibration to 1997-09-30; 69659 purchases");
  }

  @Test
  void scoreWritesOneLinePerCustomerAndReusesAFit() throws IOException {
    String[] input = {"--transactions", cdnow("CDNOW_sample.txt").toString(), "--id-col", "2", "--date-col", "3", "--amount-col", "5",
        "--round", "2", "--as-of", "1997-09-30"};
    List<String> args = new ArrayList<>(List.of("clv", "score", "--horizon", "39", "--output", "csv"));
    args.addAll(List.of(input));
    Run r = run(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    String[] lines = r.out().split("\n");
    assertThat(lines).hasSize(2358);
    assertThat(lines[0]).isEqualTo("customer,first_purchase,x,t_x,T,zbar,expected_purchases,p_alive,expected_spend,clv");
    String[] first = lines[1].split(",");
    assertThat(first[0]).isEqualTo("0001");
    assertThat(Double.parseDouble(first[6])).isCloseTo(1.2259104241743999, within(1.226 * 1e-4));
    assertThat(Double.parseDouble(first[7])).isCloseTo(0.726609136799059, within(1e-4));
    assertThat(Double.parseDouble(first[8])).isCloseTo(24.658616189236472, within(24.66 * 1e-4));
    assertThat(Double.parseDouble(first[9])).isCloseTo(36.27849576362541, within(36.28 * 1e-4));

    // the JSON of clv fit feeds clv score
    Path fit = tmp.resolve("pnbd.json");
    Files.writeString(fit, run(fitArgs("paretonbd", "--round", "2")).out());
    List<String> scoreArgs = new ArrayList<>(List.of("clv", "score", "--model", "paretonbd", "--fit", fit.toString(), "--horizon", "39"));
    scoreArgs.addAll(List.of(input));
    Run s = run(scoreArgs.toArray(String[]::new));
    assertThat(s.code()).as(s.err()).isZero();
    JsonNode one = JSON.readTree(s.out().lines().findFirst().orElseThrow());
    assertThat(one.path("customer").asText()).isEqualTo("0001");
    assertThat(one.path("expected_purchases").asDouble()).isCloseTo(1.4551129287379028, within(1.455 * 1e-4));
    assertThat(one.path("clv").asDouble()).isCloseTo(43.08006402905951, within(43.08 * 1e-4));
    assertThat(s.out()).doesNotContain("NaN");
  }

  @Test
  void badInputIsOneClearLine() throws IOException {
    Path negative = Files.writeString(tmp.resolve("neg.csv"), "id,date,amount\na,2024-01-01,5\na,2024-02-01,-2.50\n");
    Run r = run("clv", "fit", "--transactions", negative.toString(), "--calibration-end", "2024-03-31", "--model", "bgnbd");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("wayfinder: " + negative + ":3 [amount]: negative amount -2.50: purchases must be >= 0 (leave refunds out of the file)\n");

    Path text = Files.writeString(tmp.resolve("text.csv"), "a,2024-01-01,5\nb,2024-01-02,five\n");
    assertThat(run("clv", "fit", "--transactions", text.toString(), "--calibration-end", "2024-03-31", "--model", "bgnbd").err())
        .isEqualTo("wayfinder: " + text + ":2 [amount]: not a number: 'five'\n");

    Path empty = Files.writeString(tmp.resolve("empty.csv"), "");
    assertThat(run("clv", "fit", "--transactions", empty.toString(), "--calibration-end", "2024-03-31", "--model", "bgnbd").err())
        .isEqualTo("wayfinder: " + empty + ": the file is empty: no purchases\n");

    Path late = Files.writeString(tmp.resolve("late.csv"), "a,2024-05-01,5\n");
    assertThat(run("clv", "fit", "--transactions", late.toString(), "--calibration-end", "2024-03-31", "--model", "bgnbd").err())
        .isEqualTo("wayfinder: " + late + ": every purchase is after the calibration end 2024-03-31\n");

    Run order = run("clv", "fit", "--transactions", negative.toString(), "--calibration-end", "2024-03-31",
        "--observation-end", "2024-01-31", "--model", "bgnbd");
    assertThat(order.code()).isEqualTo(1);
    assertThat(order.err()).isEqualTo("wayfinder: --observation-end 2024-01-31 is before --calibration-end 2024-03-31\n");

    Run model = run("clv", "fit", "--transactions", negative.toString(), "--calibration-end", "2024-03-31", "--model", "nbd");
    assertThat(model.err()).startsWith("wayfinder: --model: unknown model 'nbd'");

    Run missing = run("clv", "fit", "--transactions", tmp.resolve("nope.csv").toString(), "--calibration-end", "2024-03-31", "--model", "bgnbd");
    assertThat(missing.err()).isEqualTo("wayfinder: --transactions: no such file: " + tmp.resolve("nope.csv") + "\n");
  }

  @Test
  void spendModelWithoutRepeatCustomersIsAnError() throws IOException {
    Path once = Files.writeString(tmp.resolve("once.csv"), "a,2024-01-01,5\nb,2024-01-02,7\n");
    Run r = run("clv", "fit", "--transactions", once.toString(), "--calibration-end", "2024-03-31", "--model", "gammagamma");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("no repeat customers with a positive mean spend");
    // score still works: spend and CLV are null, never NaN
    Run s = run("clv", "score", "--transactions", once.toString(), "--as-of", "2024-03-31");
    assertThat(s.code()).as(s.err()).isZero();
    assertThat(s.out()).contains("\"expected_spend\":null").contains("\"clv\":null").doesNotContain("NaN");
  }
}
