package io.wayfinder.store;

import java.nio.file.Path;

/** Another process (normally a running server) holds the data directory's database. */
public final class DataDirectoryInUseException extends StoreException {
  public DataDirectoryInUseException(Path dataDir, Throwable cause) {
    super("data directory " + dataDir + " is in use by another process (a running `wayfinder serve`?); "
        + "DuckDB allows one process per database file, so talk to that server with --server URL", cause);
  }
}
