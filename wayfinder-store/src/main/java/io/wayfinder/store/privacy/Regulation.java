package io.wayfinder.store.privacy;

import java.time.Instant;

/**
 * A regulation's audit record: what was asked and what was done, without any subject identifier.
 *
 * @param droppedEvents events refused since, because one of the suppressed identifiers was on them
 */
public record Regulation(String id, String type, String subjectType, String status, int subjects, int unknownSubjects,
    int profilesErased, long eventsErased, long droppedEvents, Instant createdAt, Instant finishedAt) {}
