package io.wayfinder.store.imports;

import io.wayfinder.core.collect.CollectedMessage;
import io.wayfinder.core.event.Event;
import io.wayfinder.core.event.EventType;
import io.wayfinder.core.eventlog.EventLogReader;
import io.wayfinder.core.eventlog.LogEvent;
import io.wayfinder.core.identity.IdentityClaims;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Event-log rows (CSV, XES, Parquet): the case is the customer's user id, the activity the event
 * name; the message id comes from the row's number and content ({@link ImportedRowIds}).
 */
final class LogEventRows implements Rows {
  private final EventLogReader reader;
  private final String channelColumn;
  private final String defaultChannel;
  private final String source;
  private final Instant receivedAt = Instant.now();
  private String lastCustomer;
  private long row;

  LogEventRows(EventLogReader reader, String channelColumn, String defaultChannel, String source) {
    this.reader = reader;
    this.channelColumn = channelColumn;
    this.defaultChannel = defaultChannel;
    this.source = source;
  }

  @Override
  public CollectedMessage next() {
    if (!reader.hasNext()) return null;
    LogEvent e = reader.next();
    Map<String, Object> properties = new HashMap<>(e.attributes());
    Object channel = channelColumn == null ? null : properties.remove(channelColumn);
    Object touchpoint = properties.remove("touchpoint");
    if (e.lifecycle() != null) properties.put("lifecycle:transition", e.lifecycle());
    lastCustomer = e.caseId();
    Event event = new Event(0, ImportedRowIds.of(++row, e), EventType.TRACK, e.activity(), 0, null, e.caseId(),
        channel == null ? defaultChannel : channel.toString(),
        touchpoint == null ? e.activity() : touchpoint.toString(),
        e.timestamp(), receivedAt, properties, Map.of(), source);
    return new CollectedMessage(event, IdentityClaims.of(e.caseId(), null), Map.of(), Map.of());
  }

  @Override
  public String lastCustomer() {
    return lastCustomer;
  }

  @Override
  public void close() {
    reader.close();
  }
}
