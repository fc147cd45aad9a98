package io.wayfinder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wayfinder.server.voc.FeedbackRoutes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wayfinder feedback import FILE}: reviews, tickets and call notes into the event log. */
@Command(name = "feedback", mixinStandardHelpOptions = true, description = "Customer feedback from other systems.",
    subcommands = FeedbackCommand.Import.class)
final class FeedbackCommand {

  @Command(name = "import", mixinStandardHelpOptions = true, description = {
      "Import reviews, tickets or call notes (CSV, TSV or JSON Lines) as 'Feedback Received' events.",
      "Ratings on a scale that fits a KPI count towards it: 1-5 as CSAT; 0-10 as NPS; 1-10 as NPS by",
      "round((r-1)*10/9), an approximation; 1-7 as CES only with --kpi ces. Other scales keep their",
      "rating, with the text's sentiment. All or nothing: a bad row stops the import and names its line.",
      "Columns: 1-based numbers or header names (a name implies a header row)."})
  static final class Import implements Callable<Integer> {
    @Mixin TargetOptions target;

    @Parameters(index = "0", paramLabel = "FILE") Path file;

    @Option(names = "--customer-column", required = true, paramLabel = "COL", description = "the customer's user id") String customerColumn;
    @Option(names = "--rating-column", paramLabel = "COL", description = "the rating") String ratingColumn;
    @Option(names = "--text-column", paramLabel = "COL", description = "the review, ticket or note text") String textColumn;
    @Option(names = "--time-column", paramLabel = "COL", description = "when it was given (ISO-8601; default: now)") String timeColumn;
    @Option(names = "--id-column", paramLabel = "COL", description = "an external id (makes re-imports idempotent; default: from the content)") String idColumn;
    @Option(names = "--journey-column", paramLabel = "COL") String journeyColumn;
    @Option(names = "--touchpoint-column", paramLabel = "COL") String touchpointColumn;

    @Option(names = "--scale", defaultValue = "5", paramLabel = "MAX|MIN-MAX",
        description = "rating scale: 5 means 1-5, 10 means 1-10, or give 0-10 (default: ${DEFAULT-VALUE})") String scale;
    @Option(names = "--kpi", paramLabel = "KPI", description = "csat, nps, ces or none: the KPI the ratings count towards (default: what the scale fits)") String kpi;
    @Option(names = "--kind", defaultValue = "review", description = "review, ticket, call_note ... (default: ${DEFAULT-VALUE})") String kind;
    @Option(names = "--channel", defaultValue = "review", description = "channel of the feedback (default: ${DEFAULT-VALUE})") String channel;
    @Option(names = "--source", defaultValue = "feedback-import", description = "source recorded on the events (default: ${DEFAULT-VALUE})") String source;
    @Option(names = "--header", negatable = true, description = "the first row names the columns (default: auto)") Boolean header;
    @Option(names = "--format", paramLabel = "FMT", description = "TSV, CSV or JSONL (default: from the file name)") TableFile.Format format;
    @Option(names = "--json", description = "print the result as JSON") boolean json;

    @Override
    public Integer call() throws IOException {
      if (!Files.isRegularFile(file)) throw new CliException(file + ": no such file");
      if (ratingColumn == null && textColumn == null) throw new CliException("give --rating-column, --text-column or both");
      FeedbackRoutes.kpi(kpi, "--kpi"); // checked here, or the error would name the API's field, kpi
      ObjectNode request = Json.MAPPER.createObjectNode().put("kind", kind).put("channel", channel).put("source", source);
      int[] range = range(scale);
      request.putObject("scale").put("min", range[0]).put("max", range[1]);
      if (kpi != null) request.put("kpi", kpi);
      ArrayNode items = request.putArray("items");
      ColumnRef customer = ColumnRef.parse(customerColumn);
      ColumnRef[] optional = new ColumnRef[6];
      String[] names = {ratingColumn, textColumn, timeColumn, idColumn, journeyColumn, touchpointColumn};
      String[] fields = {"rating", "text", "at", "id", "journey", "touchpoint"};
      boolean byName = customer.byName();
      for (int i = 0; i < names.length; i++) {
        if (names[i] != null) {
          optional[i] = ColumnRef.parse(names[i]);
          byName |= optional[i].byName();
        }
      }
      TableFile.Format fmt = format != null ? format : TableFile.Format.of(file);
      try (TableFile table = TableFile.open(file, fmt, header != null ? header : byName)) {
        for (TableFile.Row row; (row = table.next()) != null; ) {
          ObjectNode item = items.addObject().put("line", row.line()).put("customer", customer.in(row, table.file()));
          for (int i = 0; i < optional.length; i++) if (optional[i] != null) item.put(fields[i], optional[i].in(row, table.file()));
        }
      }
      JsonNode result;
      try (Backend b = target.openCreating()) {
        result = b.importFeedback(file, request);
      }
      if (json) {
        System.out.println(Json.pretty(result));
      } else {
        System.out.printf("imported %,d feedback items from %s (%,d already there); %,d with a %s score (%s)%n",
            result.path("imported").asLong(), file, result.path("duplicates").asLong(), result.path("withKpiScore").asLong(),
            result.path("kpi").isNull() ? "KPI" : result.path("kpi").asText(), result.path("mapping").asText());
      }
      return 0;
    }

    static int[] range(String s) {
      try {
        if (s.matches("\\d+")) return new int[] {1, Integer.parseInt(s)};
        if (s.matches("\\d+-\\d+")) {
          String[] p = s.split("-");
          return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
        }
      } catch (NumberFormatException e) {
        // fall through
      }
      throw new CliException("--scale: the top rating (5 means 1-5) or MIN-MAX such as 0-10; got '" + s + "'");
    }
  }
}
