package io.wayfinder.store.voc;

import io.wayfinder.core.collect.CollectedMessage;
import io.wayfinder.core.collect.WriteReceipt;
import io.wayfinder.core.event.Event;
import io.wayfinder.core.event.EventType;
import io.wayfinder.core.eventlog.EventLogException;
import io.wayfinder.core.identity.IdentityClaims;
import io.wayfinder.core.privacy.Redactor;
import io.wayfinder.core.voc.feedback.RatingMapping;
import io.wayfinder.core.voc.survey.SurveyDefinition;
import io.wayfinder.store.collect.EventWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Imports feedback as {@code Feedback Received} events: the customer's id resolves to their
 * profile like any event, the text is analysed for sentiment, and a rating whose scale maps onto
 * a KPI ({@link RatingMapping}) carries {@code question_type} and {@code score}, so KPIs count it.
 * All or nothing: one bad item stores none. Message ids derive from the content (or the external
 * id), so importing the same file twice stores it once.
 */
public final class FeedbackImport {
  /** How to read the items: what they are, where they came from, their rating scale. */
  public record Spec(String kind, String channel, String source, RatingMapping mapping) {}

  public record Result(int imported, int duplicates, int withKpiScore, String kpi, String mapping) {}

  private final EventWriter writer;
  private final Redactor redactor;

  public FeedbackImport(EventWriter writer) {
    this(writer, Redactor.defaults());
  }

  /** Feedback whose text is redacted by {@code redactor} before it is stored (sentiment then reads the redacted text). */
  public FeedbackImport(EventWriter writer, Redactor redactor) {
    this.writer = writer;
    this.redactor = redactor;
  }

  public Result run(List<FeedbackItem> items, Spec spec, String file) {
    List<CollectedMessage> messages = new ArrayList<>(items.size());
    int scored = 0;
    Instant now = Instant.now();
    for (FeedbackItem it : items) {
      CollectedMessage m = message(it, spec, file, now, redactor);
      if (m.event().properties().containsKey("score")) scored++;
      messages.add(m);
    }
    Iterator<List<CollectedMessage>> chunks = List.of(messages).iterator();
    WriteReceipt r = messages.isEmpty() ? WriteReceipt.NONE : writer.writeAll(chunks);
    return new Result(r.written(), r.duplicates(), scored, spec.mapping().kpi() == null ? null : spec.mapping().kpi().wireName(),
        spec.mapping().method());
  }

  private static CollectedMessage message(FeedbackItem it, Spec spec, String file, Instant now, Redactor redactor) {
    if (it.customer() == null || it.customer().isBlank()) throw new EventLogException(file, it.line(), "customer", "is required");
    if (it.rating() == null && (it.text() == null || it.text().isBlank())) {
      throw new EventLogException(file, it.line(), "rating", "a rating or a text is required");
    }
    if (it.text() != null && it.text().length() > 4 * SurveyDefinition.MAX_TEXT) {
      throw new EventLogException(file, it.line(), "text", "is " + it.text().length() + " characters; the limit is " + 4 * SurveyDefinition.MAX_TEXT);
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("kind", spec.kind());
    if (it.rating() != null) {
      try {
        p.put("rating", spec.mapping().check(it.rating()));
        p.put("rating_scale", spec.mapping().min() + "-" + spec.mapping().max());
        spec.mapping().score(it.rating()).ifPresent(s -> {
          p.put("question_type", spec.mapping().kpi().wireName());
          p.put("score", s);
          p.put("score_mapping", spec.mapping().method());
        });
      } catch (IllegalArgumentException e) {
        throw new EventLogException(file, it.line(), "rating", e.getMessage());
      }
    }
    if (it.text() != null && !it.text().isBlank()) p.put("comment", redactor.redact(it.text().strip()));
    if (it.journey() != null && !it.journey().isBlank()) p.put("journey", it.journey());
    if (it.touchpoint() != null && !it.touchpoint().isBlank()) p.put("touchpoint", it.touchpoint());
    Instant at = it.at() == null ? now : it.at();
    String basis = it.id() != null ? spec.source() + "|" + it.id()
        : spec.source() + "|" + it.customer() + "|" + it.at() + "|" + it.rating() + "|" + it.text();
    String messageId = "fb-" + UUID.nameUUIDFromBytes(basis.getBytes(StandardCharsets.UTF_8));
    Event e = new Event(0, messageId, EventType.TRACK, KpiResponses.FEEDBACK_RECEIVED, 0, null, it.customer().strip(),
        spec.channel(), it.touchpoint(), at, now, p, Map.of(), spec.source());
    return new CollectedMessage(e, new IdentityClaims(it.customer().strip(), null, null, List.of()), Map.of(), Map.of());
  }
}
