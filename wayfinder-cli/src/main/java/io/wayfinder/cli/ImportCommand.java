package io.wayfinder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.core.eventlog.ColumnMapping;
import io.wayfinder.store.imports.ImportFormat;
import io.wayfinder.store.imports.ImportSettingNames;
import io.wayfinder.store.imports.ImportSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Import events from a CSV, JSON Lines, XES (.xes, .xes.gz) or Parquet file.",
        "All or nothing by default: a bad row stops the import, names its line and field, and stores nothing.",
        "With --on-error skip the good rows are imported and the bad ones written to the reject file."})
final class ImportCommand implements Callable<Integer> {
  /** The flags below, as the importer's messages name them. */
  static final ImportSettingNames FLAGS =
      new ImportSettingNames("--customer", "--activity", "--timestamp", "--format", "--source", "--channel");

  @Mixin TargetOptions target;

  @Parameters(index = "0", description = "The file to import.")
  Path file;

  @Option(names = "--format", description = "csv, jsonl, xes or parquet (default: from the file name).")
  String format;

  @Option(names = {"--customer", "--case"}, description = "Column of the customer / case id (default: case:concept:name).")
  String customer;

  @Option(names = {"--activity", "--event"}, description = "Column of the activity / event name (default: concept:name).")
  String activity;

  @Option(names = "--timestamp", description = "Column of the event time (default: time:timestamp). ISO-8601; no offset means UTC.")
  String timestamp;

  @Option(names = "--channel-column", defaultValue = "channel", description = "Column of each row's channel (default: ${DEFAULT-VALUE}).")
  String channelColumn;

  @Option(names = "--channel", defaultValue = "other", description = "Channel of rows without one (default: ${DEFAULT-VALUE}).")
  String channel;

  @Option(names = "--source", defaultValue = "bulk-import", description = "Source the events are recorded under (default: ${DEFAULT-VALUE}).")
  String source;

  @Option(names = "--on-error", defaultValue = "fail", description = "fail (default: all or nothing) or skip (import good rows, write the rest to the reject file).")
  String onError;

  @Option(names = "--reject-file", description = "Where skipped rows go (default: <file>.rejects.csv).")
  Path rejectFile;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Override
  public Integer call() {
    if (!onError.equals("fail") && !onError.equals("skip")) throw new CliException("--on-error: expected fail or skip, got '" + onError + "'");
    if (!Files.isRegularFile(file)) throw new CliException(file + ": no such file");
    boolean skip = onError.equals("skip");
    Path rejects = skip ? (rejectFile != null ? rejectFile : Path.of(file + ".rejects.csv")) : null;
    ImportSpec spec = new ImportSpec(format == null ? null : ImportFormat.parse(format, FLAGS.format()),
        ColumnMapping.of(customer, activity, timestamp), channelColumn, source, channel, skip, rejects);
    ProgressBar bar = new ProgressBar(System.err, estimateRows(file), System.console() != null && !json);
    JsonNode result;
    try (Backend b = target.openCreating()) {
      result = b.importFile(file, spec, bar);
    } finally {
      bar.finish();
    }
    if (rejects != null && result.path("rejectFile").isNull()) writeRejects(rejects, result);
    if (json) {
      System.out.println(Json.pretty(result));
    } else {
      System.out.printf("imported %,d events (%,d customers, %,d new profiles) from %s in %.2f s%n",
          result.path("imported").asLong(), result.path("customers").asLong(), result.path("newProfiles").asLong(),
          file, result.path("seconds").asDouble());
      if (result.path("duplicates").asLong() > 0) {
        System.out.printf("%,d rows were stored already (duplicates, e.g. the file was imported before): not stored again%n",
            result.path("duplicates").asLong());
      }
      if (result.path("rejected").asLong() > 0) {
        System.out.printf("skipped %,d bad rows; see %s%n", result.path("rejected").asLong(), rejects);
      }
      if (result.path("rejectFile").isNull() && result.path("rejects").size() < result.path("rejected").asLong()) {
        // A server answers with the first rejected rows only; its reject list is not the whole file.
        System.err.printf("wayfinder: the server listed the first %,d of %,d rejected rows in %s%n",
            result.path("rejects").size(), result.path("rejected").asLong(), rejects);
      }
    }
    return 0;
  }

  /** Rejects reported by a server (which cannot write our local file). */
  private static void writeRejects(Path rejects, JsonNode result) {
    StringBuilder b = new StringBuilder("line,field,reason\n");
    for (JsonNode r : result.path("rejects")) {
      b.append(r.path("line").asLong()).append(",\"").append(r.path("field").asText("")).append("\",\"")
          .append(r.path("reason").asText("").replace("\"", "\"\"")).append("\"\n");
    }
    try {
      Files.writeString(rejects, b.toString());
    } catch (IOException e) {
      throw new CliException("cannot write " + rejects + ": " + e.getMessage());
    }
  }

  /** Rows in a plain-text file, estimated from the size and the first 64 KB; 0 when unknown. */
  static long estimateRows(Path file) {
    String n = file.getFileName().toString();
    if (n.endsWith(".gz") || n.endsWith(".parquet") || n.endsWith(".xes")) return 0;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(1 << 16);
      long lines = new String(head, StandardCharsets.ISO_8859_1).chars().filter(c -> c == '\n').count();
      return lines == 0 ? 0 : Files.size(file) * lines / head.length;
    } catch (IOException e) {
      return 0;
    }
  }
}
