package io.wayfinder.server.voc;

import io.wayfinder.core.collect.CollectedMessage;
import io.wayfinder.core.event.Event;
import io.wayfinder.core.event.EventType;
import io.wayfinder.core.generate.JourneyCatalog;
import io.wayfinder.core.identity.IdentityClaims;
import io.wayfinder.core.privacy.Redactor;
import io.wayfinder.core.voc.survey.Answer;
import io.wayfinder.core.voc.survey.SurveyDefinition;
import io.wayfinder.core.voc.survey.SurveyLevel;
import io.wayfinder.core.voc.survey.SurveyTrigger;
import io.wayfinder.server.problem.ApiException;
import io.wayfinder.store.StoreException;
import io.wayfinder.store.collect.EventWriter;
import io.wayfinder.store.voc.Invitation;
import io.wayfinder.store.voc.InvitationStore;
import io.wayfinder.store.voc.KpiResponses;
import io.wayfinder.store.voc.ResponseStore;
import io.wayfinder.store.voc.SurveyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Surveys from definition to stored answer: creates surveys and invitations, and records a
 * submission both in the survey tables and as {@code Survey Response} events in the event log
 * (one per rating question, the free text as the first one's comment), so journeys and KPIs see it.
 */
public final class SurveyService {
  static final String EVENT_SOURCE = "surveys";
  private static final JourneyCatalog CATALOG = JourneyCatalog.generated();

  private final SurveyStore surveys;
  private final InvitationStore invitations;
  private final ResponseStore responses;
  private final EventWriter writer;
  private final Redactor redactor;

  public SurveyService(SurveyStore surveys, InvitationStore invitations, ResponseStore responses, EventWriter writer) {
    this(surveys, invitations, responses, writer, Redactor.defaults());
  }

  /** As above; free-text answers are redacted by {@code redactor} before they are stored. */
  public SurveyService(SurveyStore surveys, InvitationStore invitations, ResponseStore responses, EventWriter writer,
      Redactor redactor) {
    this.surveys = surveys;
    this.invitations = invitations;
    this.responses = responses;
    this.writer = writer;
    this.redactor = redactor;
  }

  /** A submitted response: its id and the answers stored. */
  public record Submitted(String responseId, String surveyId, int answers) {}

  /**
   * Stores a new survey. A journey-level survey is asked when a journey instance ends; until a
   * journey engine tracks instances, that is approximated by the journey's goal event, which a
   * trigger without an event name gets from the journey catalog.
   */
  public SurveyDefinition create(SurveyDefinition s) {
    SurveyTrigger t = s.trigger();
    if (s.level() == SurveyLevel.JOURNEY && t != null) {
      String event = t.event();
      if (event == null) {
        try {
          event = CATALOG.journey(s.journey()).goalEvent();
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("trigger.event: name the event that ends journey '" + s.journey()
              + "' (its goal event); there is no journey definition to take it from");
        }
      }
      t = new SurveyTrigger(event, t.journey() == null ? s.journey() : t.journey(), t.stage(), t.touchpoint(),
          t.delay(), t.samplePercent(), t.quietPeriod(), t.maxEventAge());
      s = new SurveyDefinition(s.id(), s.name(), s.level(), s.journey(), s.stage(), s.touchpoint(), s.questions(), t);
    }
    return surveys.create(s);
  }

  public SurveyDefinition survey(String id) {
    return surveys.find(id).orElseThrow(() -> ApiException.notFound("survey '" + id + "'"));
  }

  /** An invitation for one customer outside the triggers: a link to send, or the widget's. */
  public Invitation invite(SurveyDefinition s, String via, String userId, String anonymousId, String channel) {
    if ((userId == null || userId.isBlank()) && (anonymousId == null || anonymousId.isBlank())) {
      throw new IllegalArgumentException("customer: a user id (or anonymous id) is required");
    }
    Instant now = Instant.now();
    boolean journeyLevel = s.level() == SurveyLevel.JOURNEY;
    return invitations.create(new Invitation(Invitation.newToken(), s.id(), via, null, blank(userId), blank(anonymousId),
        s.journey(), journeyLevel ? null : s.stage(), journeyLevel ? null : s.touchpoint(), blank(channel), null, now, now, null));
  }

  /** The widget's survey for a customer: a due invitation, or a new one unless the customer was invited recently. */
  public Invitation widgetInvitation(String surveyId, String userId, String channel) {
    Instant now = Instant.now();
    var due = invitations.due(userId, null, surveyId, now);
    if (due.isPresent()) return due.get();
    if (surveyId == null) return null;
    SurveyDefinition s = survey(surveyId);
    Duration quiet = s.trigger() == null ? SurveyTrigger.DEFAULT_QUIET_PERIOD : s.trigger().quietPeriod();
    boolean recently = invitations.recentFor(userId, now.minus(quiet));
    return recently ? null : invite(s, "widget", userId, null, channel);
  }

  public Invitation invitation(String token) {
    return invitations.find(token).orElseThrow(() -> ApiException.notFound("survey invitation"));
  }

  /**
   * Validates and stores a response to an invitation; nothing is stored when any answer is bad
   * or the invitation was answered already (409). The answers and their events are written in
   * one transaction of the event writer, so a crash can never leave one without the other.
   * Submissions are serialised: they are rare, and this keeps "one response per invitation" simple.
   */
  public synchronized Submitted submit(String token, Map<String, String> raw) {
    Invitation inv = invitation(token);
    SurveyDefinition s = survey(inv.surveyId());
    List<Answer> answers = s.validate(raw).stream()
        .map(a -> a.text() == null ? a : new Answer(a.question(), a.score(), redactor.redact(a.text()), a.choice())).toList();
    if (inv.answered()) throw new IllegalStateException("this survey invitation has been answered already");
    String responseId = "resp_" + UUID.randomUUID();
    Instant at = Instant.now();
    List<CollectedMessage> events = events(s, inv, responseId, answers, at);
    try {
      writer.runBulk(responses.answer(inv, responseId, answers, events, at));
    } catch (StoreException e) {
      throw new ApiException(503, "the response could not be stored; nothing was written, try again");
    }
    return new Submitted(responseId, s.id(), answers.size());
  }

  private static List<CollectedMessage> events(SurveyDefinition s, Invitation inv, String responseId, List<Answer> answers, Instant at) {
    String comment = answers.stream().filter(a -> a.text() != null).map(Answer::text).collect(Collectors.joining("\n"));
    Map<String, Object> choices = new LinkedHashMap<>();
    answers.stream().filter(a -> a.choice() != null).forEach(a -> choices.put(a.question().id(), a.choice()));
    List<Answer> rated = answers.stream().filter(a -> a.score() != null).toList();
    List<CollectedMessage> out = new ArrayList<>();
    for (int i = 0; i < Math.max(1, rated.size()); i++) {
      Answer a = rated.isEmpty() ? null : rated.get(i);
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("survey", s.id());
      p.put("question_type", a == null ? answers.get(0).question().type().wireName() : a.question().type().wireName());
      if (a != null) p.put("score", a.score());
      if (i == 0 && !comment.isEmpty()) p.put("comment", comment);
      if (i == 0 && !choices.isEmpty()) p.put("choices", choices);
      put(p, "journey", inv.journey());
      put(p, "stage", inv.stage());
      put(p, "touchpoint", inv.touchpoint());
      p.put("question", a == null ? answers.get(0).question().id() : a.question().id());
      p.put("response_id", responseId);
      p.put("level", s.level().name().toLowerCase(java.util.Locale.ROOT));
      Event e = new Event(0, responseId + "/" + p.get("question"), EventType.TRACK, KpiResponses.SURVEY_RESPONSE, 0,
          inv.anonymousId(), inv.userId(), inv.channel(), inv.touchpoint(), at, at, p, Map.of(), EVENT_SOURCE);
      out.add(new CollectedMessage(e, new IdentityClaims(inv.userId(), inv.anonymousId(), null, List.of()), Map.of(), Map.of()));
    }
    return out;
  }

  private static void put(Map<String, Object> p, String key, String value) {
    if (value != null && !value.isBlank()) p.put(key, value);
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
