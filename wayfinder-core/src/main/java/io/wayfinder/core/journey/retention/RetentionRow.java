package io.wayfinder.core.journey.retention;

import java.util.List;

/**
 * One row of a retention table: a group of customers (an acquisition period, a channel, a trait
 * value or a journey) and one cell per offset 0 to {@code periods}.
 */
public record RetentionRow(String group, int customers, List<RetentionCell> cells) {}
