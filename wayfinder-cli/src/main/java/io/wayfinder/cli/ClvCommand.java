package io.wayfinder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wayfinder.core.predict.clv.HoldoutDiagnostics;
import io.wayfinder.core.predict.clv.LifetimeValue;
import io.wayfinder.core.predict.clv.model.GammaGamma;
import io.wayfinder.core.predict.clv.model.ModelFit;
import io.wayfinder.core.predict.clv.model.ModelKind;
import io.wayfinder.core.predict.clv.model.SpendData;
import io.wayfinder.core.predict.clv.model.TransactionModel;
import io.wayfinder.core.predict.clv.summary.CohortSummary;
import io.wayfinder.core.predict.clv.summary.CustomerSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wayfinder clv}: customer-lifetime-value models on a transaction file. */
@Command(
    name = "clv",
    description = "Customer lifetime value: fit BG/NBD, MBG/NBD, Pareto/NBD or Gamma-Gamma on a transaction file or the event store; score customers.",
    mixinStandardHelpOptions = true,
    subcommands = {ClvCommand.Fit.class, ClvCommand.Score.class})
public final class ClvCommand implements Runnable {
  static final ObjectMapper JSON = new ObjectMapper();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code clv fit}. */
  @Command(name = "fit", mixinStandardHelpOptions = true,
      description = {"Fit a model by maximum likelihood on the purchases up to the calibration end.",
          "With an observation end after the calibration end, also compare the model with the holdout period."})
  static final class Fit implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ClvInput input;
    @Mixin StoreInput storeInput;
    @Mixin TargetOptions target;

    @Option(names = "--calibration-end", paramLabel = "DATE",
        description = "Last day of the calibration period (required with --transactions; store default: the day of the latest purchase).")
    String calibrationEnd;

    @Option(names = "--observation-end", paramLabel = "DATE", description = "Last day of the holdout period (optional).")
    String observationEnd;

    @Option(names = "--model", paramLabel = "bgnbd|mbgnbd|paretonbd|gammagamma",
        description = "The model to fit (required with --transactions; the store fits bgnbd, mbgnbd or paretonbd with Gamma-Gamma, default bgnbd).")
    String model;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--pool-frequency", paramLabel = "N", defaultValue = "7",
        description = "In the holdout check by calibration frequency, pool customers with x >= N (default 7).")
    int poolFrom;

    @Override
    public void run() {
      if (storeInput.active(input)) {
        if (observationEnd != null) throw new CliException("--observation-end: the holdout check needs --transactions");
        try (Backend b = target.open()) {
          StoreInput.print(b.clvFit(storeInput.fitRequest(model, calibrationEnd, input)), json, spec.commandLine().getOut());
        }
        return;
      }
      if (model == null) throw new CliException("--model is required with --transactions");
      if (calibrationEnd == null) throw new CliException("--calibration-end is required with --transactions");
      ModelKind kind = parseModel(model);
      LocalDate cal = ClvInput.date("--calibration-end", calibrationEnd);
      LocalDate obs = ClvInput.date("--observation-end", observationEnd);
      if (obs != null && obs.isBefore(cal)) {
        throw new CliException("--observation-end " + obs + " is before --calibration-end " + cal);
      }
      if (poolFrom < 1) throw new CliException("--pool-frequency must be >= 1");
      CohortSummary summary = input.summarise(cal, obs);
      boolean holdout = obs != null && obs.isAfter(cal);
      ObjectNode out = kind == ModelKind.GAMMAGAMMA ? fitSpend(summary, holdout) : fitCounts(kind, summary, holdout);
      PrintWriter w = spec.commandLine().getOut();
      if (json) {
        w.println(out.toString());
      } else {
        w.print(ClvText.fit(out));
      }
      w.flush();
    }

    private ObjectNode fitCounts(ModelKind kind, CohortSummary summary, boolean holdout) {
      ModelFit<TransactionModel> fit = kind.fit(summary.frequencyData());
      ObjectNode out = header(kind, fit, summary);
      if (holdout) out.set("holdout", holdout(fit.model(), summary));
      return out;
    }

    private ObjectNode fitSpend(CohortSummary summary, boolean holdout) {
      SpendData data = spendData(summary);
      ModelFit<GammaGamma> fit = GammaGamma.fit(data);
      ObjectNode out = header(ModelKind.GAMMAGAMMA, fit, summary);
      ObjectNode excluded = out.putObject("excluded");
      excluded.put("no_repeat_purchase", summary.customers().stream().filter(c -> c.x() == 0).count());
      excluded.put("zero_repeat_spend", summary.repeatCustomersWithoutSpend());
      num(out, "population_mean_spend", fit.model().populationMeanSpend());
      if (holdout) {
        HoldoutDiagnostics.SpendCheck check = HoldoutDiagnostics.spend(fit.model(), summary);
        ObjectNode h = out.putObject("holdout");
        h.put("customers", check.customers());
        num(h, "actual_mean_spend", check.actualMean());
        num(h, "predicted_mean_spend", check.predictedMean());
      }
      return out;
    }

    private ObjectNode header(ModelKind kind, ModelFit<?> fit, CohortSummary summary) {
      ObjectNode out = JSON.createObjectNode();
      out.put("model", kind.id());
      out.put("title", kind.title());
      out.put("customers", fit.customers());
      ObjectNode params = out.putObject("params");
      fit.params().forEach((k, v) -> num(params, k, v));
      ObjectNode se = out.putObject("standard_errors");
      for (String name : kind.paramNames()) num(se, name, fit.standardErrors().getOrDefault(name, Double.NaN));
      num(out, "loglik", fit.logLikelihood());
      out.put("converged", fit.converged());
      ArrayNode warnings = out.putArray("warnings");
      fit.warnings().forEach(warnings::add);
      out.put("time_unit", input.unitName());
      out.put("calibration_end", summary.calibrationEnd().toString());
      summary.observationEnd().ifPresent(d -> out.put("observation_end", d.toString()));
      ObjectNode data = out.putObject("data");
      data.put("file", input.file.toString());
      data.put("purchases", summary.purchases());
      data.put("transactions", summary.transactions());
      data.put("cohort", summary.customers().size());
      data.put("repeat_transactions_calibration", summary.customers().stream().mapToLong(CustomerSummary::x).sum());
      data.put("customers_born_after_calibration", summary.customersBornAfterCalibration());
      data.put("purchases_after_window", summary.purchasesAfterWindow());
      ObjectNode f = out.putObject("fit");
      f.put("evaluations", fit.evaluations());
      num(f, "seconds", fit.fitNanos() / 1e9);
      return out;
    }

    private ObjectNode holdout(TransactionModel m, CohortSummary summary) {
      ObjectNode h = JSON.createObjectNode();
      HoldoutDiagnostics.Totals totals = HoldoutDiagnostics.totals(m, summary);
      List<HoldoutDiagnostics.TrackingPoint> tracking = HoldoutDiagnostics.tracking(m, summary);
      int calPeriods = summary.calibrationPeriods();
      HoldoutDiagnostics.TrackingPoint end = tracking.get(tracking.size() - 1);
      HoldoutDiagnostics.TrackingPoint calEnd = tracking.get(calPeriods - 1);
      num(h, "length", totals.length());
      h.put("actual", totals.actual());
      num(h, "predicted_conditional", totals.predictedConditional());
      num(h, "predicted_unconditional", totals.predictedUnconditional());
      ObjectNode periods = h.putObject("periods_after_calibration");
      periods.put("first", calPeriods + 1);
      periods.put("last", end.period());
      periods.put("actual", end.actualCumulative() - calEnd.actualCumulative());
      num(periods, "predicted", end.predictedCumulative() - calEnd.predictedCumulative());
      ArrayNode t = h.putArray("tracking");
      for (HoldoutDiagnostics.TrackingPoint p : tracking) {
        ObjectNode o = t.addObject();
        o.put("period", p.period());
        o.put("actual", p.actual());
        o.put("actual_cumulative", p.actualCumulative());
        num(o, "predicted", p.predicted());
        num(o, "predicted_cumulative", p.predictedCumulative());
      }
      ArrayNode g = h.putArray("by_frequency");
      for (HoldoutDiagnostics.FrequencyGroup fg : HoldoutDiagnostics.byFrequency(m, summary, poolFrom)) {
        ObjectNode o = g.addObject();
        o.put("x", fg.x());
        o.put("pooled", fg.pooled());
        o.put("customers", fg.customers());
        num(o, "actual_mean", fg.actualMean());
        num(o, "predicted_mean", fg.predictedMean());
      }
      return h;
    }
  }

  /** {@code clv score}. */
  @Command(name = "score", mixinStandardHelpOptions = true,
      description = {"Score every customer of the cohort: expected purchases over a horizon, probability alive, "
          + "expected spend per transaction and CLV.",
          "Fits the purchase-count model and Gamma-Gamma on the purchases up to the calibration end, "
              + "unless --fit gives their parameters (the JSON of 'clv fit --json')."})
  static final class Score implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ClvInput input;
    @Mixin StoreInput storeInput;
    @Mixin TargetOptions target;

    @Option(names = {"--calibration-end", "--as-of"}, paramLabel = "DATE",
        description = "Score as of the end of this day; later purchases are ignored (required with --transactions).")
    String calibrationEnd;

    @Option(names = "--json", description = "Store: print the outcome as JSON.")
    boolean json;

    @Option(names = "--model", paramLabel = "bgnbd|mbgnbd|paretonbd", defaultValue = "bgnbd",
        description = "Purchase-count model (default bgnbd).")
    String model;

    @Option(names = "--fit", paramLabel = "FILE", description = "Use the parameters in this output of 'clv fit --json' (repeatable).")
    List<Path> fits = new ArrayList<>();

    @Option(names = "--horizon", paramLabel = "T", defaultValue = "52",
        description = "Horizon of the expected purchases, in the time unit (default 52).")
    double horizon;

    @Option(names = "--months", paramLabel = "N", defaultValue = "12", description = "CLV horizon in months (default 12).")
    int months;

    @Option(names = "--discount-rate", paramLabel = "D", defaultValue = "0.01",
        description = "Monthly discount rate of the CLV (default 0.01).")
    double discountRate;

    @Option(names = "--output", paramLabel = "jsonl|csv", defaultValue = "jsonl", description = "Output format (default jsonl).")
    String output;

    @Override
    public void run() {
      if (storeInput.active(input)) {
        // The stored run fixes model and settings: scoring only brings the profiles up to date.
        ObjectNode body = JSON.createObjectNode();
        if (calibrationEnd != null) body.put("calibrationEnd", ClvInput.date("--as-of", calibrationEnd).toString());
        try (Backend b = target.open()) {
          StoreInput.print(b.clvScore(body), json, spec.commandLine().getOut());
        }
        return;
      }
      if (calibrationEnd == null) throw new CliException("--calibration-end (--as-of) is required with --transactions");
      boolean csv = switch (output.toLowerCase(Locale.ROOT)) {
        case "csv" -> true;
        case "jsonl", "json" -> false;
        default -> throw new CliException("--output: expected jsonl or csv, got '" + output + "'");
      };
      if (!(horizon >= 0 && Double.isFinite(horizon))) throw new CliException("--horizon must be >= 0");
      if (months < 0) throw new CliException("--months must be >= 0");
      if (!(discountRate > -1 && Double.isFinite(discountRate))) throw new CliException("--discount-rate must be > -1");
      ModelKind kind = parseModel(model);
      if (!kind.countsPurchases()) throw new CliException("--model: score needs bgnbd, mbgnbd or paretonbd (Gamma-Gamma is always used for spend)");
      LocalDate cal = ClvInput.date("--calibration-end", calibrationEnd);
      CohortSummary summary = input.summarise(cal, null);

      TransactionModel counts = null;
      GammaGamma spend = null;
      for (Path f : fits) {
        JsonNode node = readFit(f);
        if (!node.path("model").isTextual()) throw new CliException("--fit " + f + ": not the output of 'clv fit --json' (no \"model\")");
        ModelKind k;
        try {
          k = ModelKind.parse(node.path("model").asText());
        } catch (IllegalArgumentException e) {
          throw new CliException("--fit " + f + ": " + e.getMessage());
        }
        String unit = node.path("time_unit").asText(input.unitName());
        if (!unit.equals(input.unitName())) {
          throw new CliException(f + ": fitted in " + unit + " but --time-unit is " + input.unitName());
        }
        double[] p = k.paramNames().stream().mapToDouble(n -> paramOf(f, node, n)).toArray();
        try {
          if (k == ModelKind.GAMMAGAMMA) {
            spend = new GammaGamma(p[0], p[1], p[2]);
          } else if (k == kind) {
            counts = k.transactionModel(p);
          } else {
            throw new CliException(f + ": holds a " + k.id() + " fit but --model is " + kind.id());
          }
        } catch (IllegalArgumentException e) {
          throw new CliException(f + ": " + e.getMessage());
        }
      }
      PrintWriter err = spec.commandLine().getErr();
      if (counts == null) {
        ModelFit<TransactionModel> fit = kind.fit(summary.frequencyData());
        fit.warnings().forEach(w -> err.println("wayfinder: " + kind.title() + " fit: " + w));
        counts = fit.model();
      }
      if (spend == null) {
        try {
          ModelFit<GammaGamma> fit = GammaGamma.fit(summary.spendData());
          fit.warnings().forEach(w -> err.println("wayfinder: Gamma-Gamma fit: " + w));
          spend = fit.model();
        } catch (IllegalArgumentException e) {
          err.println("wayfinder: no spend model (" + e.getMessage() + "): expected_spend and clv are null");
        }
      }
      err.println("wayfinder: scoring " + summary.customers().size() + " customers with " + kind.title() + " " + counts.params()
          + (spend == null ? "" : " and Gamma-Gamma " + spend.params()) + ", horizon " + horizon + " " + input.unitName()
          + ", CLV over " + months + " months at " + discountRate + " per month");

      try {
        write(summary, counts, spend, csv);
      } catch (ArithmeticException e) {
        throw new CliException("cannot compute the predictions (" + e.getMessage() + "): is --horizon or --months far beyond the data?");
      }
    }

    private void write(CohortSummary summary, TransactionModel counts, GammaGamma spend, boolean csv) {
      PrintWriter w = spec.commandLine().getOut();
      if (csv) w.println("customer,first_purchase,x,t_x,T,zbar,expected_purchases,p_alive,expected_spend,clv");
      double perMonth = input.scale().perMonth();
      for (CustomerSummary c : summary.customers()) {
        double expected = counts.conditionalExpectedPurchases(horizon, c.x(), c.tx(), c.T());
        double alive = counts.probabilityAlive(c.x(), c.tx(), c.T());
        double value = spend == null ? Double.NaN : spend.expectedSpend(c.x(), c.meanRepeatSpend());
        double clv = Double.isFinite(value)
            ? LifetimeValue.clv(counts, c.x(), c.tx(), c.T(), value, months, discountRate, perMonth)
            : Double.NaN;
        if (csv) {
          w.println(String.join(",", csvField(c.customerId()), c.firstPurchase().toString(), Integer.toString(c.x()),
              csvNum(c.tx()), csvNum(c.T()), csvNum(c.meanRepeatSpend()), csvNum(expected), csvNum(alive), csvNum(value), csvNum(clv)));
        } else {
          ObjectNode o = JSON.createObjectNode();
          o.put("customer", c.customerId());
          o.put("first_purchase", c.firstPurchase().toString());
          o.put("x", c.x());
          num(o, "t_x", c.tx());
          num(o, "T", c.T());
          num(o, "zbar", c.meanRepeatSpend());
          num(o, "expected_purchases", expected);
          num(o, "p_alive", alive);
          num(o, "expected_spend", value);
          num(o, "clv", clv);
          w.println(o.toString());
        }
      }
      w.flush();
    }

    private static JsonNode readFit(Path f) {
      try {
        return JSON.readTree(f.toFile());
      } catch (IOException e) {
        throw new CliException("--fit " + f + ": not readable as JSON: " + e.getMessage());
      }
    }

    private static double paramOf(Path f, JsonNode node, String name) {
      JsonNode v = node.path("params").path(name);
      if (!v.isNumber()) throw new CliException(f + ": params." + name + " is missing or not a number");
      return v.asDouble();
    }

    private static String csvNum(double v) {
      return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static String csvField(String s) {
      return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
  }

  static ModelKind parseModel(String s) {
    try {
      return ModelKind.parse(s);
    } catch (IllegalArgumentException e) {
      throw new CliException("--model: " + e.getMessage());
    }
  }

  static SpendData spendData(CohortSummary summary) {
    try {
      return summary.spendData();
    } catch (IllegalArgumentException e) {
      throw new CliException("Gamma-Gamma: " + e.getMessage());
    }
  }

  /** Puts a number, or null where it is not finite: the output never holds NaN. */
  static void num(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, v);
    } else {
      o.putNull(key);
    }
  }
}
