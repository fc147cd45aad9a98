package io.wayfinder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

/** The human-readable form of {@code clv fit}, rendered from the same JSON the {@code --json} flag prints. */
final class ClvText {
  private ClvText() {}

  static String fit(JsonNode o) {
    StringBuilder b = new StringBuilder();
    JsonNode data = o.path("data");
    b.append(String.format(Locale.ROOT, "%s on %d customers (%s; calibration to %s; %d purchases, %d transactions)%n",
        o.path("title").asText(), o.path("customers").asInt(), o.path("time_unit").asText(), o.path("calibration_end").asText(),
        data.path("purchases").asLong(), data.path("transactions").asLong()));
    for (Map.Entry<String, JsonNode> p : o.path("params").properties()) {
      JsonNode se = o.path("standard_errors").path(p.getKey());
      b.append(String.format(Locale.ROOT, "  %-6s %12.6f  (se %s)%n", p.getKey(), p.getValue().asDouble(),
          se.isNumber() ? String.format(Locale.ROOT, "%.6f", se.asDouble()) : "n/a"));
    }
    b.append(String.format(Locale.ROOT, "  log-likelihood %.4f  (%d evaluations, %.3f s%s)%n", o.path("loglik").asDouble(),
        o.path("fit").path("evaluations").asInt(), o.path("fit").path("seconds").asDouble(),
        o.path("converged").asBoolean() ? "" : ", NOT converged"));
    for (JsonNode w : o.path("warnings")) b.append("  warning: ").append(w.asText()).append('\n');
    if (o.has("population_mean_spend")) {
      b.append(String.format(Locale.ROOT, "  population mean spend %.4f%n", o.path("population_mean_spend").asDouble()));
    }
    JsonNode h = o.path("holdout");
    if (h.isMissingNode()) return b.toString();
    b.append(String.format(Locale.ROOT, "Holdout to %s:%n", o.path("observation_end").asText()));
    if (h.has("actual_mean_spend")) {
      b.append(String.format(Locale.ROOT, "  %d customers with repeat purchases in both periods: mean transaction value actual %.2f, predicted %.2f%n",
          h.path("customers").asInt(), h.path("actual_mean_spend").asDouble(), h.path("predicted_mean_spend").asDouble()));
      return b.toString();
    }
    JsonNode p = h.path("periods_after_calibration");
    b.append(String.format(Locale.ROOT, "  repeat transactions, periods %d-%d: actual %d, predicted %.1f (%+.1f %%)%n",
        p.path("first").asInt(), p.path("last").asInt(), p.path("actual").asLong(), p.path("predicted").asDouble(),
        100 * (p.path("predicted").asDouble() / p.path("actual").asDouble() - 1)));
    b.append(String.format(Locale.ROOT, "  sum of conditional expectations E[Y(%s) | x, t_x, T]: %.1f%n",
        h.path("length").asText(), h.path("predicted_conditional").asDouble()));
    b.append("  by calibration frequency:   x  customers  actual  predicted\n");
    for (JsonNode g : h.path("by_frequency")) {
      b.append(String.format(Locale.ROOT, "                          %4s  %9d  %6.3f  %9.3f%n",
          g.path("x").asInt() + (g.path("pooled").asBoolean() ? "+" : ""), g.path("customers").asInt(),
          g.path("actual_mean").asDouble(), g.path("predicted_mean").asDouble()));
    }
    return b.toString();
  }
}
