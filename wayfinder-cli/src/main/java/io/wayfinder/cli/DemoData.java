package io.wayfinder.cli;

import io.wayfinder.core.journey.definition.JourneyDefinition;
import io.wayfinder.server.WayfinderServer;
import io.wayfinder.store.predict.ChurnService;
import io.wayfinder.store.predict.ClvService;
import io.wayfinder.store.journey.DefinitionFiles;
import io.wayfinder.store.imports.ImportResult;
import io.wayfinder.store.imports.ImportSpec;
import io.wayfinder.store.imports.Importer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/**
 * Loads generated demo data into a fresh data directory: runs {@code wayfinder generate} for the
 * two years up to now into {@code <data>/demo/} (the events, the planted problems and the journey
 * catalog stay there for reference) and imports the events through the same path as
 * {@code wayfinder import}.
 */
final class DemoData {
  static final long SEED = 42;

  static void loadIfEmpty(WayfinderServer server, int customers, PrintStream out) {
    if (server.stats().events() > 0) {
      out.println("Demo: the data directory already holds events; nothing generated.");
      return;
    }
    Path dir = server.database().dataDir().resolve("demo");
    Path events = dir.resolve("demo-events.jsonl");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.printf("Demo: generating %,d customers (seed %d) ...%n", customers, SEED);
    StringWriter err = new StringWriter();
    CommandLine generate = new CommandLine(new GenerateCommand());
    generate.setOut(new PrintWriter(new StringWriter()));
    generate.setErr(new PrintWriter(err));
    // The history ends now, so events collected live from here on follow it without a gap.
    int rc = generate.execute("--customers", String.valueOf(customers), "--seed", String.valueOf(SEED), "--end", "now",
        "--out", events.toString());
    if (rc != 0) throw new CliException("demo data generation failed: " + err);
    ImportSpec spec = ImportSpec.defaults().withSource("demo", "web");
    ImportResult r = new Importer(server.writer(), server.sources()).run(events, spec, n -> {});
    out.printf("Demo: imported %,d events in %.1f s; %,d customer profiles (planted problems: %s)%n",
        r.imported(), r.seconds(), server.stats().profiles(), events.resolveSibling("demo-events.jsonl.truth.json"));
    List<JourneyDefinition> journeys = DefinitionFiles.read(events.resolveSibling("demo-events.jsonl.journeys.json"));
    journeys.forEach(server.journeys().definitions()::put);
    out.printf("Demo: loaded %d journey definitions (%s)%n", journeys.size(),
        String.join(", ", journeys.stream().map(JourneyDefinition::id).toList()));
    fitPredictions(server, out);
  }

  /** Fits CLV and churn risk on the demo data so profiles, segments and the Value page have numbers. */
  private static void fitPredictions(WayfinderServer server, PrintStream out) {
    try {
      new ClvService(server.database()).fit(ClvService.Request.DEFAULT);
      new ChurnService(server.database()).train(ChurnService.Request.DEFAULT);
      out.println("Demo: fitted CLV (BG/NBD + Gamma-Gamma) and churn risk; profiles carry value segments");
    } catch (IllegalArgumentException e) {
      out.println("Demo: predictions not fitted: " + e.getMessage());
    }
  }

  private DemoData() {}
}
