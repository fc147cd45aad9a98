package io.wayfinder.core.journey.dataset;

/**
 * How a dictionary-encoded per-event {@link Column} changes when events are appended: its
 * dictionary after the change, old codes to new ones, and the appended events' codes.
 *
 * @param values the dictionary after the change
 * @param recode per old code its code in {@code values}; null when the codes did not change
 * @param appended per appended event (load order) its code in {@code values}, -1 for no value
 */
public record ColumnChange(String[] values, int[] recode, int[] appended) {}
