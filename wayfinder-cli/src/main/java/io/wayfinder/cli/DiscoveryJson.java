package io.wayfinder.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wayfinder.core.journey.discovery.DirectlyFollows;
import io.wayfinder.core.journey.discovery.DiscoveryQuery;
import io.wayfinder.core.journey.discovery.DiscoveryResult;
import io.wayfinder.core.journey.discovery.FunnelResult;
import io.wayfinder.core.journey.discovery.NamedCount;
import io.wayfinder.core.journey.discovery.Rework;
import io.wayfinder.core.journey.discovery.Variant;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Discovery results as JSON with the field names and conventions of the reference files in
 * {@code shared/data/eventlogs/*.expected.json}, so they can be compared with other tools. Numbers
 * in seconds and ratios are rounded to 6 decimals; a missing lifecycle transition is {@code None}.
 */
final class DiscoveryJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private DiscoveryJson() {}

  static ObjectNode of(String logFile, DiscoveryQuery query, DiscoveryResult r, int top, FunnelResult funnel) {
    ObjectNode o = F.objectNode();
    o.put("log_file", logFile);
    o.put("classifier", query.classifier().label());
    o.put("cases", r.cases());
    o.put("events", r.events());
    o.put("activities", r.activities().size());
    ArrayNode names = o.putArray("activity_names");
    r.activities().forEach(names::add);
    o.set("start_activities", counts(r.startActivities()));
    o.set("end_activities", counts(r.endActivities()));
    ArrayNode dfg = o.putArray("dfg");
    ArrayNode performance = o.putArray("dfg_performance_seconds");
    ArrayNode p90 = o.putArray("dfg_p90_seconds");
    for (DirectlyFollows e : r.directlyFollows()) {
      dfg.addArray().add(e.from()).add(e.to()).add(e.count());
      performance.addArray().add(e.from()).add(e.to()).add(round(e.meanSeconds())).add(round(e.medianSeconds()));
      p90.addArray().add(e.from()).add(e.to()).add(round(e.p90Seconds()));
    }
    ArrayNode variants = o.putArray("variants_top");
    for (Variant v : r.topVariants(top)) {
      variants.addArray().add(v.joined()).add(v.count());
    }
    o.put("variant_count", r.variantCount());
    o.put("mean_case_duration_seconds", round(r.caseDurations().meanSeconds()));
    o.put("median_case_duration_seconds", round(r.caseDurations().medianSeconds()));
    o.put("min_case_duration_seconds", round(r.caseDurations().minSeconds()));
    o.put("max_case_duration_seconds", round(r.caseDurations().maxSeconds()));
    o.set("lifecycle_transition_counts", counts(r.lifecycleTransitions()));
    ArrayNode selfLoops = o.putArray("self_loops");
    r.selfLoops().forEach(e -> selfLoops.addArray().add(e.from()).add(e.count()));
    ArrayNode rework = o.putArray("rework");
    for (Rework w : r.rework()) {
      rework.addArray().add(w.activity()).add(w.cases()).add(w.repeats());
    }
    if (funnel != null) {
      o.set("funnel", funnel(funnel));
    }
    return o;
  }

  private static ObjectNode funnel(FunnelResult funnel) {
    ObjectNode f = F.objectNode();
    f.put("definition", "count[k] = cases whose time-ordered activities contain steps[0..k] in order,"
        + " other events allowed in between (greedy earliest match)");
    ArrayNode steps = f.putArray("steps");
    ArrayNode conversion = f.putArray("conversion_from_previous");
    for (FunnelResult.Step s : funnel.steps()) {
      steps.addArray().add(s.activity()).add(s.cases());
      if (s.conversionFromPrevious() == null) {
        conversion.addNull();
      } else {
        conversion.add(round(s.conversionFromPrevious()));
      }
    }
    return f;
  }

  private static ObjectNode counts(List<NamedCount> counts) {
    ObjectNode o = F.objectNode();
    counts.forEach(c -> o.put(c.name() == null ? "None" : c.name(), c.count()));
    return o;
  }

  static double round(double x) {
    return BigDecimal.valueOf(x).setScale(6, RoundingMode.HALF_EVEN).doubleValue();
  }
}
