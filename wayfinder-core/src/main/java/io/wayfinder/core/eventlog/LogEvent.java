package io.wayfinder.core.eventlog;

import java.time.Instant;
import java.util.Map;

/**
 * One row of an event log file (XES, CSV, ...), before it becomes a stored {@code Event}.
 *
 * @param position 1-based position in the file (the line number for CSV, the event number for
 *     XES), used in error messages and to keep file order for events with equal timestamps
 * @param caseId the trace / customer / case identifier
 * @param activity the activity (event name)
 * @param timestamp the instant, UTC offsets honoured
 * @param lifecycle the {@code lifecycle:transition} value, or null
 * @param attributes every other attribute of the event, as text
 */
public record LogEvent(
    long position,
    String caseId,
    String activity,
    Instant timestamp,
    String lifecycle,
    Map<String, String> attributes) {}
