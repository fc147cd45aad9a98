package io.wayfinder.core.journey.discovery;

/** A count for an activity (or a lifecycle transition); {@code name} is null for "none". */
public record NamedCount(String name, int count) {}
