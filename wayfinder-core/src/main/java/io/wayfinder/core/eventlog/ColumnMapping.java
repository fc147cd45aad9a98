package io.wayfinder.core.eventlog;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Which columns (CSV) or attribute keys (XES) hold the case, the activity, the timestamp and the
 * lifecycle transition, and the zone assumed for timestamps written without an offset.
 *
 * <p>The defaults are the names process-mining tools write ({@code case:concept:name},
 * {@code concept:name}, {@code time:timestamp}, {@code lifecycle:transition}) and UTC. In XES the
 * case is read from the trace attribute with the case key stripped of its {@code case:} prefix
 * ({@code concept:name}), as traces carry their attributes unprefixed.
 *
 * @param caseColumn column of the case / customer identifier
 * @param activityColumn column of the activity (event name)
 * @param timestampColumn column of the event time
 * @param lifecycleColumn column of the lifecycle transition; absent values are null
 * @param defaultZone zone for timestamps that carry no offset
 */
public record ColumnMapping(
    String caseColumn,
    String activityColumn,
    String timestampColumn,
    String lifecycleColumn,
    ZoneId defaultZone) {

  /** The process-mining names and UTC. */
  public static final ColumnMapping DEFAULT =
      new ColumnMapping(
          "case:concept:name", "concept:name", "time:timestamp", "lifecycle:transition", ZoneOffset.UTC);

  public ColumnMapping {
    Objects.requireNonNull(caseColumn, "caseColumn");
    Objects.requireNonNull(activityColumn, "activityColumn");
    Objects.requireNonNull(timestampColumn, "timestampColumn");
    Objects.requireNonNull(lifecycleColumn, "lifecycleColumn");
    Objects.requireNonNull(defaultZone, "defaultZone");
  }

  /** The defaults with the given columns replaced where not null. */
  public static ColumnMapping of(String caseColumn, String activityColumn, String timestampColumn) {
    return new ColumnMapping(
        caseColumn != null ? caseColumn : DEFAULT.caseColumn,
        activityColumn != null ? activityColumn : DEFAULT.activityColumn,
        timestampColumn != null ? timestampColumn : DEFAULT.timestampColumn,
        DEFAULT.lifecycleColumn,
        DEFAULT.defaultZone);
  }

  /** The key of the case attribute on an XES trace: the case column without a {@code case:} prefix. */
  public String traceCaseKey() {
    return caseColumn.startsWith("case:") ? caseColumn.substring(5) : caseColumn;
  }
}
