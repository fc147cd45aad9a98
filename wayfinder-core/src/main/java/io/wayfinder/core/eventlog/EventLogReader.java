package io.wayfinder.core.eventlog;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A streaming reader of one event log file: events come one at a time, in file order, so a file
 * of any size never sits in memory. Failures are {@link EventLogException}s naming file, line and
 * field. Close it (try-with-resources) to release the file.
 */
public interface EventLogReader extends Iterator<LogEvent>, AutoCloseable {

  @Override
  void close();

  /** The remaining events as a sequential stream; closing the stream closes this reader. */
  default Stream<LogEvent> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(this::close);
  }
}
