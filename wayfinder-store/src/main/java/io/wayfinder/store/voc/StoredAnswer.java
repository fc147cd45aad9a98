package io.wayfinder.store.voc;

import java.time.Instant;

/** One stored answer of a survey response, with where in the journey it was given. */
public record StoredAnswer(
    String responseId,
    String surveyId,
    Long profileId,
    String userId,
    String journey,
    String stage,
    String touchpoint,
    String channel,
    String questionId,
    String questionType,
    Integer score,
    String choice,
    String text,
    Instant answeredAt) {}
