package io.wayfinder.store.journey;

import io.wayfinder.core.journey.dataset.JourneyDataset;
import java.util.Set;

/**
 * A journey dataset read from the store, and what it was read from, so it can be refreshed.
 *
 * @param version the tables' row counts it holds: the rows below them (events' profiles may be
 *     newer, from merges committed while loading; a refresh applies those merges again, which
 *     changes nothing for events already moved)
 * @param appendable the tables' row ids were dense when read, so the rows written since are
 *     those at row ids from the version's counts on
 * @param keys the event properties loaded as columns
 * @param caseProfiles per case its profile id, ascending
 */
record LoadedIndex(LogVersion version, boolean appendable, Set<String> keys, JourneyDataset data, long[] caseProfiles) {}
