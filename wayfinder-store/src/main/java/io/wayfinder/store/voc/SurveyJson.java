package io.wayfinder.store.voc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wayfinder.core.voc.survey.Question;
import io.wayfinder.core.voc.survey.QuestionType;
import io.wayfinder.core.voc.survey.SurveyDefinition;
import io.wayfinder.core.voc.survey.SurveyLevel;
import io.wayfinder.core.voc.survey.SurveyTrigger;
import io.wayfinder.store.json.JsonInputErrors;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Survey definitions as JSON, the one shape used by the API and the {@code surveys} table.
 * Durations are ISO-8601 ({@code PT2H}, {@code P30D}); names in lower case. Errors name the field.
 */
public final class SurveyJson {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private SurveyJson() {}

  public static SurveyDefinition read(byte[] json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IllegalArgumentException(JsonInputErrors.describe(e));
    } catch (IOException e) {
      throw new IllegalArgumentException("body: not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
    if (root == null || !root.isObject()) throw new IllegalArgumentException("body: expected a JSON object describing the survey");
    return read(root);
  }

  public static SurveyDefinition read(JsonNode n) {
    String level = text(n, "level");
    SurveyLevel l;
    try {
      l = level == null ? SurveyLevel.TOUCHPOINT : SurveyLevel.valueOf(level.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("level: journey or touchpoint, got '" + level + "'");
    }
    JsonNode qs = n.get("questions");
    if (qs == null || !qs.isArray()) throw new IllegalArgumentException("questions: expected an array");
    List<Question> questions = new ArrayList<>();
    for (JsonNode q : qs) {
      List<String> choices = new ArrayList<>();
      if (q.has("choices")) q.get("choices").forEach(c -> choices.add(c.asText()));
      String type = text(q, "type");
      questions.add(new Question(text(q, "id"), QuestionType.parse(type), text(q, "text"), choices,
          !q.has("required") || q.get("required").asBoolean()));
    }
    JsonNode t = n.get("trigger");
    // A journey-level survey's trigger belongs to its journey unless it says otherwise.
    String triggerJourney = t == null || t.isNull() || text(t, "journey") != null || l != SurveyLevel.JOURNEY
        ? (t == null ? null : text(t, "journey")) : text(n, "journey");
    SurveyTrigger trigger = t == null || t.isNull() ? null : new SurveyTrigger(text(t, "event"), triggerJourney,
        text(t, "stage"), text(t, "touchpoint"), duration(t, "delay"),
        t.has("samplePercent") ? t.get("samplePercent").asDouble() : 100, duration(t, "quietPeriod"),
        duration(t, "maxEventAge"));
    return new SurveyDefinition(text(n, "id"), text(n, "name"), l, text(n, "journey"), text(n, "stage"),
        text(n, "touchpoint"), questions, trigger);
  }

  public static ObjectNode write(SurveyDefinition s) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", s.id()).put("name", s.name()).put("level", s.level().name().toLowerCase(Locale.ROOT))
        .put("journey", s.journey()).put("stage", s.stage()).put("touchpoint", s.touchpoint());
    ArrayNode qs = n.putArray("questions");
    for (Question q : s.questions()) {
      ObjectNode o = qs.addObject().put("id", q.id()).put("type", q.type().wireName()).put("text", q.text())
          .put("required", q.required());
      if (!q.choices().isEmpty()) q.choices().forEach(o.putArray("choices")::add);
    }
    SurveyTrigger t = s.trigger();
    if (t == null) {
      n.putNull("trigger");
    } else {
      n.putObject("trigger").put("event", t.event()).put("journey", t.journey()).put("stage", t.stage())
          .put("touchpoint", t.touchpoint()).put("delay", t.delay().toString()).put("samplePercent", t.samplePercent())
          .put("quietPeriod", t.quietPeriod().toString()).put("maxEventAge", t.maxEventAge().toString());
    }
    return n;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Duration duration(JsonNode n, String field) {
    String v = text(n, field);
    if (v == null) return null;
    try {
      return Duration.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("trigger." + field + ": an ISO-8601 duration such as PT2H or P30D, got '" + v + "'");
    }
  }
}
