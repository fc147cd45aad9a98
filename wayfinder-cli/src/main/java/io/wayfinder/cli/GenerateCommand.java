package io.wayfinder.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.wayfinder.core.generate.GenerationSummary;
import io.wayfinder.core.generate.GeneratorConfig;
import io.wayfinder.core.generate.SyntheticDataGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wayfinder generate}: writes a synthetic data set with planted problems as JSON Lines. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    // picocli lists a command by the first line of its description: keep that line a whole sentence
    description = {
      "Writes a synthetic but believable multi-channel data set as Segment-shaped JSON Lines.",
      "Beside it go <out>.truth.json (the planted problems) and <out>.journeys.json (the journeys)."
    })
final class GenerateCommand implements Callable<Integer> {
  /** Below this many customers the run is too short for a progress line to help. */
  private static final int PROGRESS_FROM = 20_000;

  @Spec CommandSpec spec;

  @Option(names = "--customers", description = "Number of customers (default ${DEFAULT-VALUE}).",
      defaultValue = "2000")
  int customers;

  @Option(names = "--seed", description = "Random seed (default ${DEFAULT-VALUE}).", defaultValue = "42")
  long seed;

  @Option(names = "--out", required = true, description = "The JSON Lines file to write.")
  Path out;

  @Option(names = "--start", description = "First day, YYYY-MM-DD (default 2024-01-01, or --days before --end).")
  String start;

  @Option(names = "--end", description = "End of the window instead of --start: 'now' (the data ends at this moment, "
      + "so live events follow it) or YYYY-MM-DD (the window ends as that day begins).")
  String end;

  @Option(names = "--days", description = "Length of the window in days (default ${DEFAULT-VALUE}).",
      defaultValue = "730")
  int days;

  @Override
  public Integer call() throws IOException {
    GeneratorConfig config = config();
    SyntheticDataGenerator generator = new SyntheticDataGenerator(config);
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new CliException("the folder of --out does not exist: " + parent);
    }
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = new Progress(err, customers >= PROGRESS_FROM);
    long began = System.nanoTime();
    GenerationSummary summary;
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
        SegmentJsonWriter writer = new SegmentJsonWriter(os)) {
      summary = generator.generate(e -> {
        writer.write(e);
        progress.tick();
      });
    }
    progress.done();
    double seconds = (System.nanoTime() - began) / 1e9;
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    mapper.writeValue(sibling(".truth.json").toFile(), truth(generator, summary));
    mapper.writeValue(sibling(".journeys.json").toFile(), generator.catalog());
    spec.commandLine().getOut().printf("wrote %,d events of %,d customers to %s in %.1f s (%,.0f events/s)%n",
        summary.events(), summary.customers(), out, seconds, summary.events() / Math.max(seconds, 1e-9));
    return 0;
  }

  private GeneratorConfig config() {
    if (start != null && end != null) throw new CliException("give --start or --end, not both");
    Instant from;
    if (end == null) {
      from = day("--start", start == null ? "2024-01-01" : start);
    } else {
      Instant to = end.equalsIgnoreCase("now") ? Instant.now().truncatedTo(ChronoUnit.MILLIS) : day("--end", end);
      from = to.minus(Math.max(days, 0), ChronoUnit.DAYS);
    }
    try {
      return new GeneratorConfig(customers, seed, from, days);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
  }

  private static Instant day(String option, String value) {
    try {
      return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (RuntimeException e) {
      throw new CliException(option + " must be a date like 2024-01-01" + (option.equals("--end") ? " or now" : "") + ", was: " + value);
    }
  }

  private Path sibling(String suffix) {
    return out.resolveSibling(out.getFileName() + suffix);
  }

  private static Map<String, Object> truth(SyntheticDataGenerator g, GenerationSummary summary) {
    GeneratorConfig c = g.config();
    Map<String, Object> generatorInfo = new LinkedHashMap<>();
    generatorInfo.put("customers", c.customers());
    generatorInfo.put("seed", c.seed());
    generatorInfo.put("start", c.start().toString());
    generatorInfo.put("end", c.end().toString());
    generatorInfo.put("days", c.days());
    Map<String, Object> truth = new LinkedHashMap<>();
    truth.put("generator", generatorInfo);
    truth.put("planted", g.plantedProblems());
    truth.put("summary", summary);
    return truth;
  }

  /** A progress line on stderr, rewritten about once a second. */
  private static final class Progress {
    private final PrintWriter err;
    private final boolean on;
    private long events;
    private long lastPrint = System.nanoTime();

    Progress(PrintWriter err, boolean on) {
      this.err = err;
      this.on = on;
    }

    void tick() {
      events++;
      if (!on || (events & 0x3FFF) != 0) return;
      long now = System.nanoTime();
      if (now - lastPrint < 1_000_000_000L) return;
      lastPrint = now;
      err.printf("\rgenerate: %,d events written", events);
      err.flush();
    }

    void done() {
      if (!on) return;
      err.printf("\rgenerate: %,d events written%n", events);
      err.flush();
    }
  }
}
