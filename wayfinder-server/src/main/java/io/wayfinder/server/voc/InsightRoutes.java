package io.wayfinder.server.voc;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.wayfinder.core.generate.JourneyCatalog;
import io.wayfinder.core.generate.JourneyStage;
import io.wayfinder.core.voc.drivers.DriverImportance;
import io.wayfinder.core.voc.drivers.JourneyDriverFeatures;
import io.wayfinder.core.voc.drivers.JourneyStep;
import io.wayfinder.core.voc.drivers.KeyDriverResult;
import io.wayfinder.core.voc.drivers.KeyDrivers;
import io.wayfinder.core.voc.sentiment.GroupSentiment;
import io.wayfinder.core.voc.sentiment.SentimentAnalyzer;
import io.wayfinder.core.voc.sentiment.SentimentByGroup;
import io.wayfinder.server.api.ManagementRoutes;
import io.wayfinder.store.journey.JourneyStore;
import io.wayfinder.store.voc.VocEvents;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/sentiment} (the emotional curve of a journey: VADER sentiment of every comment
 * per stage or touchpoint, with top terms) and {@code GET /api/drivers} (relative weights and
 * Shapley of an outcome over per-customer features of a journey, for an importance × performance chart).
 */
public final class InsightRoutes {
  /** Stage order of journeys without a definition: Wayfinder's default stage model. */
  static final List<String> DEFAULT_STAGES = List.of("Recognize", "Request", "Respond", "Repeat");
  private static final int MAX_DRIVERS = 15;
  /** Answers beyond one per driver that a regression with an intercept needs to say anything. */
  private static final int EXTRA_ANSWERS = 3;

  private final VocEvents events;
  private final JourneyStore definitions;
  private final SentimentAnalyzer vader = SentimentAnalyzer.vader();

  public InsightRoutes(VocEvents events, JourneyStore definitions) {
    this.events = events;
    this.definitions = definitions;
  }

  public record Curve(String journey, String by, long texts, List<GroupSentiment> groups) {}

  public record Drivers(String journey, String outcome, int customers, int rows, Double rSquared, List<DriverImportance> drivers) {}

  public void register(JavalinConfig config) {
    config.routes.get("/api/sentiment", this::sentiment);
    config.routes.get("/api/drivers", this::drivers);
  }

  private void sentiment(Context ctx) {
    String by = ctx.queryParam("by") == null ? "stage" : ctx.queryParam("by").toLowerCase(Locale.ROOT);
    if (!List.of("stage", "touchpoint", "journey").contains(by)) {
      throw new IllegalArgumentException("by: one of stage, touchpoint, journey; got '" + by + "'");
    }
    String journey = ctx.queryParam("journey");
    int top = ManagementRoutes.limit(ctx, "top", 10, 100);
    SentimentByGroup groups = new SentimentByGroup(vader, top);
    List<VocEvents.Comment> comments = events.comments(journey);
    if (comments.isEmpty()) requireKnown(journey);
    long texts = 0;
    for (VocEvents.Comment c : comments) {
      groups.add(switch (by) {
        case "stage" -> c.stage();
        case "touchpoint" -> c.touchpoint();
        default -> c.journey();
      }, c.text());
      texts++;
    }
    List<String> order = by.equals("stage") ? stages(journey) : List.of();
    ctx.json(new Curve(journey, by, texts, groups.curve(order)));
  }

  /**
   * A journey named by a parameter must exist, as for {@code /api/painpoints} and
   * {@code /api/discovery}; one without a definition exists when its events name it.
   */
  private void requireKnown(String journey) {
    if (journey != null && definitions.find(journey).isEmpty() && !events.namesJourney(journey)) {
      throw new IllegalArgumentException("journey: no journey '" + journey + "' (no definition, and no event names it)");
    }
  }

  /** Why the answers of a journey cannot be weighed against its drivers, or null if they can. */
  private static String shortage(JourneyDriverFeatures.Features f, String journey, String outcome) {
    String question = (outcome.equals("nps") ? "an " : "a ") + outcome.toUpperCase(Locale.ROOT) + " question";
    if (f.customers() == 0) {
      return "no customer of '" + journey + "' answered " + question + " (a Survey Response with question_type " + outcome
          + " and journey '" + journey + "'); key drivers need the answers of at least " + (1 + EXTRA_ANSWERS) + " customers";
    }
    if (f.drivers().isEmpty()) {
      return "none of the drivers (waits between common steps, call-centre contacts, channel switches, other survey scores) "
          + "differs among the " + count(f.customers(), "customer") + " of '" + journey + "' who answered " + question
          + "; key drivers need at least one that does";
    }
    int needed = f.drivers().size() + EXTRA_ANSWERS;
    if (f.customers() < needed) {
      return "only " + count(f.customers(), "customer") + " of '" + journey + "' answered " + question + "; weighing its "
          + count(f.drivers().size(), "driver") + " needs the answers of at least " + needed;
    }
    return null;
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static List<String> stages(String journey) {
    if (journey == null) return DEFAULT_STAGES;
    try {
      return JourneyCatalog.generated().journey(journey).stages().stream().map(JourneyStage::name).toList();
    } catch (IllegalArgumentException e) {
      return DEFAULT_STAGES;
    }
  }

  private void drivers(Context ctx) {
    String outcome = ctx.queryParam("outcome") == null ? "nps" : ctx.queryParam("outcome").toLowerCase(Locale.ROOT);
    if (!List.of("nps", "csat", "ces").contains(outcome)) throw new IllegalArgumentException("outcome: one of nps, csat, ces; got '" + outcome + "'");
    String journey = ctx.queryParam("journey");
    if (journey == null || journey.isBlank()) throw new IllegalArgumentException("journey: required (the journey whose customers are analysed)");
    double minCoverage = 0.95;
    if (ctx.queryParam("minCoverage") != null) {
      try {
        minCoverage = Double.parseDouble(ctx.queryParam("minCoverage"));
      } catch (NumberFormatException e) {
        minCoverage = -1;
      }
      if (!(minCoverage > 0 && minCoverage <= 1)) throw new IllegalArgumentException("minCoverage: a share in (0, 1], e.g. 0.95");
    }
    List<JourneyStep> steps = events.journeySteps(journey);
    if (steps.isEmpty()) requireKnown(journey);
    var f = JourneyDriverFeatures.of(steps, outcome, minCoverage, MAX_DRIVERS);
    String shortage = shortage(f, journey, outcome);
    if (shortage != null) throw new IllegalArgumentException("journey: " + shortage);
    KeyDriverResult r = KeyDrivers.analyse(f.outcome(), f.drivers());
    ctx.json(new Drivers(journey, outcome, f.customers(), r.rows(), KpiQuery.num(r.rSquared()), r.drivers()));
  }
}
