package io.wayfinder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The event-store options of {@code clv fit|score}: without {@code --transactions} (or with
 * {@code --store}) purchases are the purchase events of the data directory or running server.
 */
final class StoreInput {
  @Option(names = "--store", description = "Read purchases from the event store (the default without --transactions).")
  boolean store;

  @Option(names = "--event", paramLabel = "NAME", defaultValue = "Order Completed",
      description = "Store: the purchase event (default: ${DEFAULT-VALUE}).")
  String event;

  @Option(names = "--revenue-property", paramLabel = "NAME", defaultValue = "revenue",
      description = "Store: the property holding the purchase value (default: ${DEFAULT-VALUE}).")
  String revenueProperty;

  @Option(names = "--since", paramLabel = "DATE", description = "Store: ignore purchases before this day.")
  String since;

  boolean active(ClvInput input) {
    if (store && input.file != null) throw new CliException("--store and --transactions exclude each other");
    return store || input.file == null;
  }

  /** The body of {@code POST /api/clv/fit}. */
  ObjectNode fitRequest(String model, String calibrationEnd, ClvInput input) {
    ObjectNode b = Json.MAPPER.createObjectNode();
    b.put("model", model == null ? "bgnbd" : model);
    b.put("event", event);
    b.put("revenueProperty", revenueProperty);
    if (since != null) b.put("since", ClvInput.date("--since", since).toString());
    if (calibrationEnd != null) b.put("calibrationEnd", ClvInput.date("--calibration-end", calibrationEnd).toString());
    b.put("timeUnit", input.unitName());
    return b;
  }

  /** Prints what a fit, training or scoring did: the run, its quality, the segments. */
  static void print(JsonNode outcome, boolean json, PrintWriter w) {
    if (json) {
      w.println(Json.pretty(outcome));
      w.flush();
      return;
    }
    JsonNode run = outcome.path("run");
    w.printf("%s model v%d (%s), run %s%n", run.path("kind").asText(), run.path("version").asInt(), run.path("model").asText(),
        run.path("id").asText());
    w.printf("data window  %s .. %s%n", run.path("windowStart").asText("-"), run.path("windowEnd").asText("-"));
    JsonNode holdout = run.path("metrics").path("holdout");
    if (holdout.has("auc")) {
      w.printf(Locale.ROOT, "holdout      %d customers at %s, churn rate %.3f, AUC %.4f, Brier %.4f%n", holdout.path("rows").asInt(),
          run.path("metrics").path("validation_cutoff").asText(), holdout.path("base_rate").asDouble(),
          holdout.path("auc").asDouble(), holdout.path("brier").asDouble());
      w.println("importance   (log-odds per standard deviation)");
      for (JsonNode i : run.path("metrics").path("importance")) {
        w.printf(Locale.ROOT, "  %-26s %+.3f%n", i.path("feature").asText(), i.path("coefficient").asDouble());
      }
    } else {
      w.printf("params       %s%n", run.path("params"));
      if (run.path("loglik").isNumber()) w.printf(Locale.ROOT, "loglik       %.4f%n", run.path("loglik").asDouble());
    }
    w.printf("scored       %,d profiles%n", outcome.path("scored").asInt());
    w.println("segments     customers          CLV   value at stake");
    for (JsonNode s : outcome.path("segments")) {
      w.printf(Locale.ROOT, "  %-20s %,9d %,12.2f %,16.2f%n", s.path("segment").asText(), s.path("customers").asLong(),
          s.path("clv").asDouble(), s.path("valueAtStake").asDouble());
    }
    w.flush();
  }
}
