package io.wayfinder.store.predict;

import io.wayfinder.core.predict.clv.LifetimeValue;
import io.wayfinder.core.predict.clv.model.GammaGamma;
import io.wayfinder.core.predict.clv.model.ModelFit;
import io.wayfinder.core.predict.clv.model.ModelKind;
import io.wayfinder.core.predict.clv.model.TransactionModel;
import io.wayfinder.core.predict.clv.summary.CohortSummary;
import io.wayfinder.core.predict.clv.summary.CustomerSummary;
import io.wayfinder.core.predict.clv.summary.SummaryBuilder;
import io.wayfinder.core.predict.clv.summary.TimeScale;
import io.wayfinder.core.predict.segment.ValueSegmenter;
import io.wayfinder.store.DataEnd;
import io.wayfinder.store.Database;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CLV on the event store: purchases are events with a revenue property; the fit is stored as a
 * run with its parameters and window, and the scores are written to the profiles.
 */
public final class ClvService {
  private final Database db;
  private final PredictionStore runs;
  private final ProfilePredictions profiles;

  public ClvService(Database db) {
    this.db = db;
    this.runs = new PredictionStore(db);
    this.profiles = new ProfilePredictions(db);
  }

  /**
   * How to fit and score.
   *
   * @param model purchase-count model: bgnbd, mbgnbd or paretonbd
   * @param purchaseEvent the purchase event's name
   * @param revenueProperty the property holding its value
   * @param since first day of purchases to read (null: all)
   * @param calibrationEnd last day of purchases to read (null: the day the history ends, {@link DataEnd})
   * @param timeUnit weeks or days
   * @param horizon horizon of the expected purchases, in the time unit
   * @param months CLV horizon in months
   * @param discountRate monthly discount rate of the CLV
   */
  public record Request(String model, String purchaseEvent, String revenueProperty, LocalDate since, LocalDate calibrationEnd,
      String timeUnit, double horizon, int months, double discountRate) {
    public static final Request DEFAULT = new Request("bgnbd", "Order Completed", "revenue", null, null, "weeks", 52, 12, 0.01);

    public Request {
      if (purchaseEvent == null || purchaseEvent.isBlank()) throw new IllegalArgumentException("event: the purchase event name is blank");
      if (revenueProperty == null || revenueProperty.isBlank()) throw new IllegalArgumentException("revenueProperty is blank");
      // It becomes a quoted JSON path step, $."name", which has no escape for these.
      if (revenueProperty.chars().anyMatch(ch -> ch == '"' || ch == '\\' || ch < 0x20)) {
        throw new IllegalArgumentException("revenueProperty: a property name cannot contain a double quote, a backslash or a control character");
      }
      if (!(horizon >= 0 && Double.isFinite(horizon))) throw new IllegalArgumentException("horizon must be >= 0");
      if (months < 0) throw new IllegalArgumentException("months must be >= 0");
      if (!(discountRate > -1 && Double.isFinite(discountRate))) throw new IllegalArgumentException("discountRate must be > -1");
      if (since != null && calibrationEnd != null && calibrationEnd.isBefore(since)) {
        throw new IllegalArgumentException("the window ends (" + calibrationEnd + ") before it starts (" + since + ")");
      }
      scale(timeUnit);
      ModelKind k = ModelKind.parse(model);
      if (!k.countsPurchases()) throw new IllegalArgumentException("model: expected bgnbd, mbgnbd or paretonbd (Gamma-Gamma is always fitted for spend)");
    }

    static TimeScale scale(String unit) {
      return switch (unit == null ? "weeks" : unit.toLowerCase(Locale.ROOT)) {
        case "weeks" -> TimeScale.WEEKS;
        case "days" -> TimeScale.DAYS;
        default -> throw new IllegalArgumentException("timeUnit: expected weeks or days, got '" + unit + "'");
      };
    }
  }

  /** Fits the models on the purchases in the window, stores the run, writes the scores to the profiles. */
  public Outcome fit(Request req) {
    ModelKind kind = ModelKind.parse(req.model());
    Window w = read(req);
    ModelFit<TransactionModel> counts = kind.fit(w.summary.frequencyData());
    GammaGamma spend = null;
    Map<String, Object> metrics = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>(counts.warnings());
    try {
      ModelFit<GammaGamma> g = GammaGamma.fit(w.summary.spendData());
      spend = g.model();
      metrics.put("spend_loglik", PredictionStore.finite(g.logLikelihood()));
      metrics.put("spend_standard_errors", g.standardErrors());
      g.warnings().forEach(x -> warnings.add("Gamma-Gamma: " + x));
    } catch (IllegalArgumentException e) {
      warnings.add("no spend model (" + e.getMessage() + "): expected_spend and clv are null");
    }
    metrics.put("standard_errors", counts.standardErrors());
    metrics.put("converged", counts.converged());
    metrics.put("warnings", warnings);
    metrics.put("data", w.data());
    metrics.put("seconds", counts.fitNanos() / 1e9);
    Map<String, Object> params = new LinkedHashMap<>(counts.params());
    if (spend != null) params.put("gammagamma", spend.params());
    params.putAll(settings(req));
    List<PredictionStore.Score> scores = score(counts.model(), spend, w.summary, req);
    PredictionStore.Run run = runs.save("clv", kind.id() + "+gammagamma", params, counts.logLikelihood(), metrics,
        w.purchases.first(), w.end, scores);
    return publish(run, scores);
  }

  /** Scores the profiles with the latest run's parameters on the purchases up to now (or {@code calibrationEnd}). */
  public Outcome score(LocalDate calibrationEnd) {
    PredictionStore.Run run = runs.latest("clv")
        .orElseThrow(() -> new IllegalArgumentException("no CLV model yet: fit one first (wayfinder clv fit, POST /api/clv/fit)"));
    Map<String, Object> p = run.params();
    Request req = new Request((String) p.get("model"), (String) p.get("purchase_event"), (String) p.get("revenue_property"),
        null, calibrationEnd, (String) p.get("time_unit"), num(p, "horizon"), (int) num(p, "months"), num(p, "discount_rate"));
    ModelKind kind = ModelKind.parse(req.model());
    TransactionModel counts = kind.transactionModel(kind.paramNames().stream().mapToDouble(n -> num(p, n)).toArray());
    GammaGamma spend = null;
    if (p.get("gammagamma") instanceof Map<?, ?> g) {
      @SuppressWarnings("unchecked") Map<String, Object> gg = (Map<String, Object>) g;
      spend = new GammaGamma(num(gg, "p"), num(gg, "q"), num(gg, "gamma"));
    }
    List<PredictionStore.Score> scores = score(counts, spend, read(req).summary, req);
    return publish(run, scores);
  }

  private Outcome publish(PredictionStore.Run run, List<PredictionStore.Score> scores) {
    runs.publish("clv", run.id(), scores);
    profiles.resegment(ValueSegmenter.DEFAULT);
    return new Outcome(run, scores.size(), profiles.segments());
  }

  private static List<PredictionStore.Score> score(TransactionModel counts, GammaGamma spend, CohortSummary summary, Request req) {
    double perMonth = Request.scale(req.timeUnit()).perMonth();
    List<PredictionStore.Score> out = new ArrayList<>(summary.customers().size());
    for (CustomerSummary c : summary.customers()) {
      double value = spend == null ? Double.NaN : spend.expectedSpend(c.x(), c.meanRepeatSpend());
      double clv = Double.isFinite(value)
          ? LifetimeValue.clv(counts, c.x(), c.tx(), c.T(), value, req.months(), req.discountRate(), perMonth)
          : Double.NaN;
      out.add(new PredictionStore.Score(Long.parseLong(c.customerId()), counts.conditionalExpectedPurchases(req.horizon(), c.x(), c.tx(), c.T()),
          counts.probabilityAlive(c.x(), c.tx(), c.T()), value, clv, null));
    }
    return out;
  }

  private record Window(PredictionEvents.Purchases purchases, CohortSummary summary, Instant end) {
    Map<String, Object> data() {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("purchases", purchases.purchases().size());
      d.put("purchases_without_revenue", purchases.withoutRevenue());
      d.put("negative_revenue", purchases.negative());
      d.put("transactions", summary.transactions());
      d.put("cohort", summary.customers().size());
      d.put("calibration_end", summary.calibrationEnd().toString());
      return d;
    }
  }

  private Window read(Request req) {
    PredictionEvents.requireWithinData(db, req.calibrationEnd(), "calibrationEnd");
    Instant from = req.since() == null ? null : req.since().atStartOfDay(ZoneOffset.UTC).toInstant();
    // Default: the end of the history (DataEnd), so a few events after a long silence cannot move it.
    LocalDate end = req.calibrationEnd() != null ? req.calibrationEnd() : DataEnd.day(db);
    Instant to = end == null ? null : end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    PredictionEvents.Purchases p = PredictionEvents.purchases(db, req.purchaseEvent(), req.revenueProperty(), from, to);
    if (p.purchases().isEmpty()) {
      String window = from == null && to == null ? "" : " between " + (req.since() == null ? "the beginning" : req.since())
          + " and " + (req.calibrationEnd() == null ? "now" : req.calibrationEnd());
      String skipped = p.withoutRevenue() + p.negative() == 0 ? ""
          : " (" + p.withoutRevenue() + " without a numeric " + req.revenueProperty() + ", " + p.negative() + " negative, left out)";
      throw new IllegalArgumentException("no purchases: no '" + req.purchaseEvent() + "' events with properties."
          + req.revenueProperty() + window + skipped);
    }
    LocalDate calEnd = end != null ? end : LocalDate.ofInstant(p.last(), ZoneOffset.UTC);
    CohortSummary summary = SummaryBuilder.calibrationEnd(calEnd).scale(Request.scale(req.timeUnit())).addAll(p.purchases()).build();
    return new Window(p, summary, calEnd.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  private static Map<String, Object> settings(Request req) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("model", ModelKind.parse(req.model()).id());
    s.put("purchase_event", req.purchaseEvent());
    s.put("revenue_property", req.revenueProperty());
    s.put("time_unit", req.timeUnit() == null ? "weeks" : req.timeUnit().toLowerCase(Locale.ROOT));
    s.put("horizon", req.horizon());
    s.put("months", req.months());
    s.put("discount_rate", req.discountRate());
    return s;
  }

  static double num(Map<String, ?> m, String key) {
    if (!(m.get(key) instanceof Number n)) throw new IllegalStateException("stored run lacks the number '" + key + "'");
    return n.doubleValue();
  }
}
