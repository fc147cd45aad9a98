package io.wayfinder.core.journey.dataset;

import io.wayfinder.core.journey.index.IndexChange;
import java.util.List;
import java.util.Map;

/**
 * What changed in an event log since a {@link JourneyDataset} was loaded, to fold into it with
 * {@link JourneyDataset#updated}: the index's change (appended events, renumbered or merged
 * cases) and the appended events' attributes.
 *
 * @param properties one change per property column of the dataset
 * @param revenue per appended event its revenue, NaN for none; null when none has one
 * @param surveys the survey answers among the appended events, {@code event} being the appended
 *     event's number (0 for the first appended)
 * @param traits the trait columns after the change, per new case id
 */
public record DatasetChange(
    IndexChange index,
    ColumnChange channel,
    ColumnChange touchpoint,
    Map<String, ColumnChange> properties,
    double[] revenue,
    List<SurveyAnswer> surveys,
    Map<String, Column> traits) {}
