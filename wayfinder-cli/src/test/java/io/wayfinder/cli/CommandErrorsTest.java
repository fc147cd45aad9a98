package io.wayfinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every failure is one line, {@code wayfinder: FILE:LINE [field]: reason}, exit 1, and no stack trace. */
class CommandErrorsTest {
  @TempDir static Path dir;
  static Path junk;

  @BeforeAll
  static void randomBytes() throws IOException {
    byte[] bytes = new byte[3000];
    new Random(7).nextBytes(bytes);
    junk = Files.write(dir.resolve("junk.csv"), bytes);
  }

  static Stream<List<String>> readersOfTextFiles() {
    return Stream.of(
        List.of("feedback", "import", "JUNK", "--customer-column", "1", "--rating-column", "2", "--scale", "5", "--data", "DATA"),
        List.of("sentiment", "JUNK", "--text-column", "1"),
        List.of("clv", "fit", "--transactions", "JUNK", "--calibration-end", "2020-01-01", "--model", "bgnbd"),
        List.of("import", "JUNK", "--data", "DATA"),
        List.of("discover", "JUNK"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readersOfTextFiles")
  void aFileOfRandomBytesIsNotUtf8TextAtALineNotAStackTrace(List<String> command) {
    List<String> args = new ArrayList<>();
    for (String a : command) args.add(a.replace("JUNK", junk.toString()).replace("DATA", dir.resolve("data").toString()));
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).matches(Pattern.quote("wayfinder: " + junk) + ":\\d+: not UTF-8 text \\(byte 0x[0-9A-F]{2} at column \\d+\\)\\R");
  }

  @Test
  void sentimentOfAFileWithoutRowsFailsAsClvFitDoes() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.csv"), "");
    Path header = Files.writeString(dir.resolve("header.csv"), "text\n\n");
    CliRun none = CliRun.of("sentiment", empty.toString(), "--text-column", "1");
    assertThat(none.exit()).isEqualTo(1);
    assertThat(none.out()).isEmpty();
    assertThat(none.err()).isEqualTo("wayfinder: " + empty + ": the file is empty: no rows" + System.lineSeparator());
    CliRun headerOnly = CliRun.of("sentiment", header.toString(), "--text-column", "text");
    assertThat(headerOnly.exit()).isEqualTo(1);
    assertThat(headerOnly.err()).isEqualTo("wayfinder: " + header + ": no rows (only a header or blank lines)" + System.lineSeparator());
    CliRun clv = CliRun.of("clv", "fit", "--transactions", empty.toString(), "--calibration-end", "2020-01-01", "--model", "bgnbd");
    assertThat(clv.exit()).isEqualTo(1);
    assertThat(clv.err()).startsWith("wayfinder: " + empty + ": the file is empty");
  }

  @Test
  void anUnknownKpiListsTheValuesKpiAccepts() throws IOException {
    Path reviews = Files.writeString(dir.resolve("reviews.csv"), "customer,stars\nc1,5\n");
    CliRun r = CliRun.of("feedback", "import", reviews.toString(), "--customer-column", "customer", "--rating-column", "stars",
        "--kpi", "bogus", "--data", dir.resolve("data").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("wayfinder: --kpi: expected one of csat, nps, ces, none, got 'bogus'" + System.lineSeparator());
  }

  @CommandLine.Command(name = "boom")
  static final class Boom implements Runnable {
    @Override
    public void run() {
      throw new NullPointerException("boom");
    }
  }

  @Test
  void anUnexpectedExceptionIsOneLineUnlessTheLogLevelIsDebug() {
    CommandLine quiet = Main.commandLine(Map.of());
    CliRun r = CliRun.on(quiet.addSubcommand(new Boom()), "boom");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("wayfinder: unexpected java.lang.NullPointerException: boom"
        + " (WAYFINDER_LOG_LEVEL=DEBUG shows where)" + System.lineSeparator());
    CommandLine debug = Main.commandLine(Map.of("WAYFINDER_LOG_LEVEL", "debug"));
    CliRun traced = CliRun.on(debug.addSubcommand(new Boom()), "boom");
    assertThat(traced.exit()).isEqualTo(1);
    assertThat(traced.err()).contains("at io.wayfinder.cli.CommandErrorsTest$Boom.run");
  }

  @Test
  void everyCommandIsListedByACompleteSentence() {
    List<String> fragments = new ArrayList<>();
    collectFragments(Main.commandLine(), fragments);
    assertThat(fragments).isEmpty();
    String help = Main.commandLine().getUsageMessage();
    assertThat(help).contains("Segment-shaped JSON Lines.").contains("one score per");
  }

  /** The commands whose first description line, all that a command list shows, is not a sentence. */
  private static void collectFragments(CommandLine cl, List<String> out) {
    String[] description = cl.getCommandSpec().usageMessage().description();
    if (description.length > 0 && !description[0].strip().endsWith(".")) {
      out.add(cl.getCommandSpec().qualifiedName() + ": " + description[0]);
    }
    cl.getSubcommands().values().forEach(sub -> collectFragments(sub, out));
  }
}
