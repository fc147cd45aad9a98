package io.wayfinder.core.journey.index;

/**
 * An index with a change folded in, and where each of its events came from, so that per-event
 * columns kept beside the index can be moved into its order too.
 */
public record UpdatedIndex(JourneyIndex index, EventLayout layout) {}
