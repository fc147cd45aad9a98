package io.wayfinder.core.journey.discovery;

/**
 * An activity done more than once within a case: in how many cases, and how many repeats in all
 * (occurrences beyond the first in each case).
 */
public record Rework(String activity, int cases, int repeats) {}
