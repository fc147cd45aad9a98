package io.wayfinder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "retention", mixinStandardHelpOptions = true,
    description = {"Retention of the stored customers: cohorts by acquisition period (or a saved behavioural cohort), "
        + "the share who came back N days, weeks or months later (exactly, or on or after), with 95% Wilson intervals.",
        "Example: wayfinder retention --period month --cohort-by month --periods 12 --returning \"Order Completed\"",
        "Or give the full query of POST /api/retention with --spec FILE.json."})
final class RetentionCommand implements Callable<Integer> {
  @Mixin TargetOptions target;
  /** A transaction file (as clv reads it) instead of the store: each purchase is an event on its day, 00:00 UTC. */
  @Mixin ClvInput transactions;

  @Option(names = "--period", description = "Offset unit: day, week (default) or month (UTC calendar).") String period;
  @Option(names = "--cohort-by", description = "Acquisition period of the cohort rows: day, week or month (default).") String cohortBy;
  @Option(names = "--periods", description = "Last offset shown (default 12).") Integer periods;
  @Option(names = "--mode", description = "exact (default: came back in period N) or onOrAfter (in period N or later).") String mode;
  @Option(names = "--start", description = "Acquisition event (default: the customer's first event of any kind).") String start;
  @Option(names = "--returning", description = "Returning event (default: any event).") String returning;
  @Option(names = "--breakdown", description = "cohort (default), channel, segment:TRAIT, journey or none.") String breakdown;
  @Option(names = "--segment", description = "Only customers with trait=value.") String segment;
  @Option(names = "--cohort", description = "Only the customers of this saved cohort (id, see /api/cohorts).") String cohort;
  @Option(names = "--spec", description = "A retention query JSON file (as POST /api/retention takes).") Path spec;
  @Option(names = "--json", description = "Print the full JSON report.") boolean json;

  @Override
  public Integer call() {
    JsonNode body = spec != null ? Json.read(spec) : fromOptions();
    try (Backend b = transactions.file == null ? target.open() : null) {
      JsonNode r = b == null ? onFile(body) : b.retention(body);
      if (json) {
        System.out.println(Json.pretty(r));
        return 0;
      }
      JsonNode q = r.path("query");
      System.out.printf("%,d customers; returned in %s N after acquisition (%s), rows by %s; last event %s%n",
          r.path("customers").asInt(), q.path("period").asText(), q.path("mode").asText(), q.path("breakdown").asText(),
          r.path("lastEvent").asText());
      StringBuilder head = new StringBuilder(String.format("%-14s %9s", "group", "customers"));
      for (JsonNode c : r.path("all").path("cells")) head.append(String.format(" %6s", q.path("period").asText().charAt(0) + c.path("offset").asText()));
      System.out.println(head);
      for (JsonNode row : r.path("rows")) print(row);
      print(r.path("all"));
    }
    return 0;
  }

  private JsonNode onFile(JsonNode body) {
    io.wayfinder.core.journey.retention.RetentionQuery q;
    try {
      q = Json.MAPPER.treeToValue(body, io.wayfinder.core.journey.retention.RetentionQuery.class);
    } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
      throw new CliException(e.getCause() == null ? e.getOriginalMessage() : e.getCause().getMessage());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new CliException("retention query: " + e.getOriginalMessage());
    }
    if (q.cohort() != null || q.segment() != null) throw new CliException("--cohort and --segment need the store (no --transactions)");
    var data = new io.wayfinder.core.journey.dataset.JourneyDatasetBuilder(java.util.Set.of());
    try {
      io.wayfinder.core.predict.clv.summary.PurchaseFileReader.read(transactions.file, transactions.layout(),
          p -> data.add(p.customerId(), "Purchase", null, p.date().atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), null));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new CliException("--transactions: no such file: " + transactions.file);
    } catch (java.io.IOException e) {
      throw new CliException("cannot read " + transactions.file + ": " + e.getMessage(), e);
    }
    try {
      return Json.MAPPER.valueToTree(new io.wayfinder.core.journey.retention.RetentionEngine(data.build()).run(q, null, null));
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
  }

  private static void print(JsonNode row) {
    StringBuilder line = new StringBuilder(String.format("%-14s %,9d", row.path("group").asText(), row.path("customers").asInt()));
    for (JsonNode c : row.path("cells")) {
      line.append(c.path("rate").isNumber() ? String.format(" %5.1f%%", 100 * c.path("rate").asDouble()) : String.format(" %6s", "."));
    }
    System.out.println(line);
  }

  private JsonNode fromOptions() {
    ObjectNode q = Json.MAPPER.createObjectNode();
    if (period != null) q.put("period", period);
    if (cohortBy != null) q.put("cohortBy", cohortBy);
    if (periods != null) q.put("periods", periods);
    if (mode != null) q.put("mode", mode);
    if (start != null) q.putObject("start").put("event", start);
    if (returning != null) q.putObject("returning").put("event", returning);
    if (breakdown != null) q.put("breakdown", breakdown);
    if (segment != null) q.put("segment", segment);
    if (cohort != null) q.put("cohort", cohort);
    return q;
  }
}
