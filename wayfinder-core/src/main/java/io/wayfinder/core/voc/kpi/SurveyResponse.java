package io.wayfinder.core.voc.kpi;

import java.time.Instant;
import java.util.Objects;

/**
 * One answer to a KPI question, with where in the journey it was given. A dimension that is not
 * known (a journey-level answer has no touchpoint, say) is the empty string.
 */
public record SurveyResponse(
    int score,
    ScoreScale scale,
    String journey,
    String stage,
    String touchpoint,
    String channel,
    String segment,
    Instant answeredAt) {

  public SurveyResponse {
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(answeredAt, "answeredAt");
    scale.check(score);
    journey = Objects.requireNonNullElse(journey, "");
    stage = Objects.requireNonNullElse(stage, "");
    touchpoint = Objects.requireNonNullElse(touchpoint, "");
    channel = Objects.requireNonNullElse(channel, "");
    segment = Objects.requireNonNullElse(segment, "");
  }
}
