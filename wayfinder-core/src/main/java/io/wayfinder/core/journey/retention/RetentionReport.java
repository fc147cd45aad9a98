package io.wayfinder.core.journey.retention;

import java.time.Instant;
import java.util.List;

/**
 * The answer to a {@link RetentionQuery}: the rows of the table (a triangle when broken down by
 * acquisition cohort), the curve of all customers together, and the instant of the log's last
 * event, which decides which cells are observed yet.
 */
public record RetentionReport(RetentionQuery query, int customers, List<RetentionRow> rows, RetentionRow all,
    Instant lastEvent) {}
