package io.wayfinder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "funnel", mixinStandardHelpOptions = true,
    description = {"Run a funnel over the stored events: steps in order (strict, ordered or any), a conversion window, "
        + "optional steps (suffix ?), exclusions, a breakdown.",
        "Example: wayfinder funnel --steps \"Product,Checkout Started,Payment Failed?,Order Completed\" --window 7d",
        "Or give the full spec of POST /api/funnels with --spec FILE.json."})
final class FunnelCommand implements Callable<Integer> {
  @Mixin TargetOptions target;

  @Option(names = "--steps", description = "Comma-separated event names; a trailing ? makes a step optional.") String steps;
  @Option(names = "--order", description = "strict, ordered (default) or any.") String order;
  @Option(names = "--window", description = "Conversion window, e.g. 7d, 48h (default 30d).") String window;
  @Option(names = "--exclude", split = ",", description = "Exclusion events (anywhere between the first and last step).") String[] exclude;
  @Option(names = "--breakdown", description = "channel, property:KEY or segment:TRAIT.") String breakdown;
  @Option(names = "--segment", description = "Only customers with trait=value.") String segment;
  @Option(names = "--spec", description = "A funnel spec JSON file (as POST /api/funnels takes).") Path spec;
  @Option(names = "--json", description = "Print the full JSON report.") boolean json;

  @Override
  public Integer call() {
    JsonNode body = spec != null ? Json.read(spec) : fromOptions();
    try (Backend b = target.open()) {
      JsonNode r = b.funnel(body);
      if (json) {
        System.out.println(Json.pretty(r));
        return 0;
      }
      System.out.printf("%,d customers in scope, %,d entered, %,d converted (%s), %,d excluded%n",
          r.path("customers").asInt(), r.path("entered").asInt(), r.path("converted").asInt(),
          percent(r.path("conversion")), r.path("excluded").asInt());
      for (JsonNode s : r.path("steps")) {
        System.out.printf("%2d %-40s %,8d  %7s of previous  drop-off %,7d  median %s%n", s.path("step").asInt(),
            s.path("label").asText() + (s.path("optional").asBoolean() ? " (optional)" : ""), s.path("customers").asInt(),
            percent(s.path("conversionFromPrevious")), s.path("dropOff").asInt(), hours(s.path("medianSecondsFromPrevious")));
      }
      System.out.printf("time to convert: median %s, p90 %s%n", hours(r.path("timeToConvert").path("medianSeconds")),
          hours(r.path("timeToConvert").path("p90Seconds")));
      for (JsonNode g : r.path("breakdown")) {
        System.out.printf("  %-24s entered %,7d  converted %,7d  %s%n", g.path("value").asText(), g.path("entered").asInt(),
            g.path("converted").asInt(), percent(g.path("conversion")));
      }
    }
    return 0;
  }

  private JsonNode fromOptions() {
    if (steps == null) throw new CliException("give --steps \"A,B,C\" or --spec FILE.json");
    ObjectNode f = Json.MAPPER.createObjectNode();
    ArrayNode list = f.putArray("steps");
    for (String s : steps.split(",")) {
      String name = s.strip();
      boolean optional = name.endsWith("?");
      list.addObject().put("event", optional ? name.substring(0, name.length() - 1).strip() : name).put("optional", optional);
    }
    if (order != null) f.put("order", order);
    if (window != null) f.put("window", window);
    if (segment != null) f.put("segment", segment);
    if (exclude != null) for (String e : exclude) f.withArray("exclusions").addObject().put("event", e.strip());
    if (breakdown != null) {
      String[] parts = breakdown.split(":", 2);
      ObjectNode b = f.putObject("breakdown").put("by", parts[0]);
      if (parts.length > 1) b.put("key", parts[1]);
    }
    return f;
  }

  private static String percent(JsonNode n) {
    return n.isNumber() ? String.format("%.1f%%", 100 * n.asDouble()) : "-";
  }

  private static String hours(JsonNode n) {
    return n.isNumber() ? String.format("%.1f h", n.asDouble() / 3600) : "-";
  }
}
