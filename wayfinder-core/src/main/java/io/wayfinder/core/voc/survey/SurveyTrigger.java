package io.wayfinder.core.voc.survey;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * When a survey is offered: after an event that matches every condition given (event name,
 * journey, stage, touchpoint; null means any), to a sample of the matching customers, after a
 * delay, and never to a customer who was invited to any survey within the quiet period.
 *
 * @param samplePercent share of matching events that lead to an invitation, in (0, 100]
 * @param quietPeriod no new invitation for a customer invited this recently (to any survey)
 * @param maxEventAge events older than this when seen are ignored, so a bulk import of history
 *     does not survey customers about last year
 */
public record SurveyTrigger(
    String event,
    String journey,
    String stage,
    String touchpoint,
    Duration delay,
    double samplePercent,
    Duration quietPeriod,
    Duration maxEventAge) {

  public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofDays(30);
  public static final Duration DEFAULT_MAX_EVENT_AGE = Duration.ofDays(7);

  public SurveyTrigger {
    event = blankToNull(event);
    journey = blankToNull(journey);
    stage = blankToNull(stage);
    touchpoint = blankToNull(touchpoint);
    if (event == null && journey == null && stage == null && touchpoint == null) {
      throw new IllegalArgumentException("trigger: give at least one of event, journey, stage, touchpoint");
    }
    delay = Objects.requireNonNullElse(delay, Duration.ZERO);
    quietPeriod = Objects.requireNonNullElse(quietPeriod, DEFAULT_QUIET_PERIOD);
    maxEventAge = Objects.requireNonNullElse(maxEventAge, DEFAULT_MAX_EVENT_AGE);
    if (delay.isNegative()) throw new IllegalArgumentException("trigger.delay must not be negative");
    if (quietPeriod.isNegative()) throw new IllegalArgumentException("trigger.quietPeriod must not be negative");
    if (!(samplePercent > 0 && samplePercent <= 100)) {
      throw new IllegalArgumentException("trigger.samplePercent must be in (0, 100], got " + samplePercent);
    }
  }

  /** True when an event with these attributes meets every condition of the trigger. */
  public boolean matches(String eventName, String eventJourney, String eventStage, String eventTouchpoint) {
    return same(event, eventName) && same(journey, eventJourney) && same(stage, eventStage)
        && same(touchpoint, eventTouchpoint);
  }

  /**
   * Whether this event falls in the sample. Deterministic in (survey, event), so re-reading the
   * same events gives the same decisions; spread evenly by a CRC-32 of both.
   */
  public boolean sampled(String surveyId, long eventId) {
    if (samplePercent >= 100) return true;
    CRC32 crc = new CRC32();
    crc.update((surveyId + '#' + eventId).getBytes(StandardCharsets.UTF_8));
    return crc.getValue() % 10_000 < Math.round(samplePercent * 100);
  }

  /**
   * When to offer the survey for an event at {@code eventTime} seen at {@code now}, given when the
   * customer was last invited (null: never); empty when the event is too old or the customer is in
   * the quiet period.
   */
  public Optional<Instant> invitationTime(Instant eventTime, Instant now, Instant lastInvited) {
    if (eventTime.isBefore(now.minus(maxEventAge))) return Optional.empty();
    if (lastInvited != null && lastInvited.plus(quietPeriod).isAfter(now)) return Optional.empty();
    return Optional.of(eventTime.plus(delay));
  }

  private static boolean same(String wanted, String actual) {
    return wanted == null || wanted.equals(actual);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
