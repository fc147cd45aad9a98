package io.wayfinder.core.journey.discovery;

/**
 * Case duration (last event minus first) in seconds; a single-event case counts with duration 0.
 * All zero when there are no cases.
 */
public record CaseDurations(double meanSeconds, double medianSeconds, double minSeconds, double maxSeconds) {}
