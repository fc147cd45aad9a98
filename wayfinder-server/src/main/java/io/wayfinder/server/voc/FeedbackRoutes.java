package io.wayfinder.server.voc;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.wayfinder.core.voc.feedback.RatingMapping;
import io.wayfinder.core.voc.survey.QuestionType;
import io.wayfinder.core.eventlog.EventLogException;
import io.wayfinder.server.JsonSupport;
import io.wayfinder.server.api.ClientFileName;
import io.wayfinder.store.voc.FeedbackImport;
import io.wayfinder.store.voc.FeedbackItem;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/feedback}: imports reviews, tickets or call notes, all or nothing. Body:
 * {@code {"filename": "reviews.csv", "kind": "review", "channel": "review", "source": "trustpilot",
 * "scale": {"min": 1, "max": 5}, "kpi": null, "items": [{"line": 2, "customer": "cust-1", "rating": 4,
 * "text": "...", "at": "2024-05-01T10:00:00Z"}]}}. Used by {@code wayfinder feedback import}, which
 * reads the file and sends its name and each item's line, so errors read {@code reviews.csv:3 [rating]: …}
 * (without a filename: {@code request:3}, the third item).
 */
public final class FeedbackRoutes {
  private final FeedbackImport importer;

  public FeedbackRoutes(FeedbackImport importer) {
    this.importer = importer;
  }

  public void register(JavalinConfig config) {
    config.routes.post("/api/feedback", this::importFeedback);
  }

  private void importFeedback(Context ctx) {
    JsonNode root;
    try {
      root = JsonSupport.MAPPER.readTree(ctx.bodyAsBytes());
    } catch (IOException e) {
      throw new IllegalArgumentException("body: not valid JSON");
    }
    if (root == null || !root.isObject() || !root.path("items").isArray()) {
      throw new IllegalArgumentException("items: expected an array of {customer, rating, text, at}");
    }
    JsonNode filename = root.get("filename");
    String file = ClientFileName.of(filename == null || filename.isNull() ? null : filename.asText(), "request");
    ctx.json(importer.run(items(root.get("items"), file), spec(root), file));
  }

  /** The spec part of the body; shared with the CLI's local path through the same JSON. */
  public static FeedbackImport.Spec spec(JsonNode root) {
    String kind = root.path("kind").asText("review");
    String channel = root.path("channel").asText("review");
    String source = root.path("source").asText("feedback-import");
    int min = root.path("scale").path("min").asInt(1);
    if (!root.path("scale").path("max").canConvertToInt()) throw new IllegalArgumentException("scale.max: required, e.g. 5");
    int max = root.path("scale").path("max").asInt();
    QuestionType wanted = kpi(root.path("kpi").isTextual() ? root.get("kpi").asText() : null, "kpi");
    return new FeedbackImport.Spec(kind, channel, source, RatingMapping.of(min, max, wanted));
  }

  /** What {@code kpi} accepts: a KPI the ratings count towards, or none. */
  private static final List<String> KPIS = List.of("csat", "nps", "ces", "none");

  /**
   * The KPI wanted, given as {@code setting} (the field or the flag, named in the error): null for
   * the scale's default, {@link QuestionType#TEXT} for none.
   */
  public static QuestionType kpi(String value, String setting) {
    if (value == null) return null;
    String v = value.strip().toLowerCase(java.util.Locale.ROOT);
    if (!KPIS.contains(v)) {
      throw new IllegalArgumentException(setting + ": expected one of " + String.join(", ", KPIS) + ", got '" + value + "'");
    }
    return v.equals("none") ? QuestionType.TEXT : QuestionType.parse(v);
  }

  /** The items of the body; {@code file} names the file they were read from in errors. */
  public static List<FeedbackItem> items(JsonNode array, String file) {
    List<FeedbackItem> out = new ArrayList<>();
    int i = 0;
    for (JsonNode n : array) {
      i++;
      long line = n.path("line").asLong(i);
      Double rating = null;
      JsonNode r = n.get("rating");
      if (r != null && !r.isNull() && !(r.isTextual() && r.asText().isBlank())) {
        try {
          rating = r.isNumber() ? r.asDouble() : Double.parseDouble(r.asText().strip());
        } catch (NumberFormatException e) {
          throw new EventLogException(file, line, "rating", "a number, got '" + r.asText() + "'");
        }
      }
      Instant at = null;
      if (n.hasNonNull("at") && !n.get("at").asText().isBlank()) {
        try {
          at = io.wayfinder.core.eventlog.Timestamps.parse(n.get("at").asText(), java.time.ZoneOffset.UTC);
        } catch (DateTimeParseException | IllegalArgumentException e) {
          throw new EventLogException(file, line, "at", "an ISO-8601 time, got '" + n.get("at").asText() + "'");
        }
      }
      out.add(new FeedbackItem(line, text(n, "id"), text(n, "customer"), rating, text(n, "text"), at, text(n, "journey"), text(n, "touchpoint")));
    }
    return out;
  }

  private static String text(JsonNode n, String f) {
    JsonNode v = n.get(f);
    return v == null || v.isNull() ? null : v.asText();
  }
}
