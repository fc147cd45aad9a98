package io.wayfinder.store.imports;

import io.wayfinder.core.eventlog.ColumnMapping;
import java.nio.file.Path;

/**
 * How to import one file.
 *
 * @param format the file format, or null to tell it from the file name
 * @param mapping the customer (case), activity and timestamp columns (CSV, XES, Parquet)
 * @param channelColumn column holding each row's channel, or null
 * @param sourceName the source the events are recorded under
 * @param channel the channel of rows without one
 * @param skipBadRows false: all or nothing; true: import the good rows and list the rest in the reject file
 * @param rejectFile where rejected rows go when skipping (null: none)
 */
public record ImportSpec(
    ImportFormat format, ColumnMapping mapping, String channelColumn, String sourceName, String channel,
    boolean skipBadRows, Path rejectFile) {

  public static ImportSpec defaults() {
    return new ImportSpec(null, ColumnMapping.DEFAULT, "channel", "bulk-import", "other", false, null);
  }

  /** The same, recorded under source {@code name} whose rows default to {@code defaultChannel}. */
  public ImportSpec withSource(String name, String defaultChannel) {
    return new ImportSpec(format, mapping, channelColumn, name, defaultChannel, skipBadRows, rejectFile);
  }

  public ImportSpec skippingBadRows(Path rejects) {
    return new ImportSpec(format, mapping, channelColumn, sourceName, channel, true, rejects);
  }
}
