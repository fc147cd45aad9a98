package io.wayfinder.store.imports;

import io.wayfinder.core.collect.CollectedMessage;

/**
 * The rows of a bulk file as collected messages, one at a time. {@link #next()} throws an
 * {@link io.wayfinder.core.eventlog.EventLogException} for a bad row; the row is consumed, so
 * a caller that skips bad rows simply calls again.
 */
interface Rows extends AutoCloseable {
  /** The next row's message, or null at the end of the file. */
  CollectedMessage next();

  /** The customer key of the last row returned (for counting customers). */
  String lastCustomer();

  @Override
  void close();
}
