package io.wayfinder.store.imports;

import io.wayfinder.core.eventlog.ImportLimits;
import java.time.Duration;

/**
 * An import whose reader gave the event writer no rows for longer than the stall limit; it is
 * rolled back so collection can go on. Not the file's fault as far as anyone can tell (a slow
 * disk, a starved machine), so the server answers 503 and the client may try again.
 */
public final class ImportStalledException extends RuntimeException {
  ImportStalledException(Duration stall) {
    super("the import stalled: no rows were read for " + stall.toSeconds() + " s, so it was stopped to let "
        + "collection go on (the limit is set by " + ImportLimits.STALL_SECONDS + ")");
  }
}
