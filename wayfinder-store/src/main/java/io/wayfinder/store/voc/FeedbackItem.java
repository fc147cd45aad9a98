package io.wayfinder.store.voc;

import java.time.Instant;

/**
 * One piece of imported feedback (a review, a ticket, a call note) before it is stored.
 *
 * @param line where it came from (file line), for error messages
 * @param id an external id, making re-imports idempotent; null: derived from the content
 * @param rating on the import's rating scale; null when the row has none
 * @param at when it was given; null: now
 */
public record FeedbackItem(long line, String id, String customer, Double rating, String text, Instant at,
    String journey, String touchpoint) {}
