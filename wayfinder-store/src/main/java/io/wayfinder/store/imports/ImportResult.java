package io.wayfinder.store.imports;

import java.util.List;

/**
 * What an import did. {@code rejects} holds the first rejected rows (all of them are in the
 * reject file).
 */
public record ImportResult(
    String file, String format, long rows, long imported, long rejected, long duplicates, long newProfiles,
    long customers, double seconds, String rejectFile, List<Reject> rejects) {

  /** One rejected row: where it is and why. */
  public record Reject(long line, String field, String reason) {}
}
