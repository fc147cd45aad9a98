package io.wayfinder.store.imports;

import io.wayfinder.core.eventlog.EventLogException;
import java.nio.file.Path;

/**
 * Puts the name a file's user knows it by in place of the path it was read from, in results and
 * errors. The readers name the path they open, and DuckDB quotes it inside its own messages
 * ({@code Error when sniffing file "/tmp/…/orders.csv"}), so the reasons are rewritten too.
 */
record FileLabel(Path file, String name) {

  EventLogException apply(EventLogException e) {
    return e.renamed(name, scrub(e.reason()));
  }

  ImportResult apply(ImportResult r) {
    return new ImportResult(name, r.format(), r.rows(), r.imported(), r.rejected(), r.duplicates(), r.newProfiles(),
        r.customers(), r.seconds(), r.rejectFile(),
        r.rejects().stream().map(j -> new ImportResult.Reject(j.line(), j.field(), scrub(j.reason()))).toList());
  }

  private String scrub(String text) {
    return text == null ? null : text.replace(file.toAbsolutePath().toString(), name).replace(file.toString(), name);
  }
}
