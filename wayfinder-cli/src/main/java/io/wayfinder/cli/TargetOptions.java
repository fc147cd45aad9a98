package io.wayfinder.cli;

import io.wayfinder.server.WayfinderServer;
import io.wayfinder.server.auth.AdminToken;
import io.wayfinder.store.DataDirectoryInUseException;
import io.wayfinder.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where a command finds its data: {@code --server URL} talks to a running server; otherwise the
 * data directory is opened here, and if a server holds it (DuckDB allows one process per file),
 * the command goes through that server, found via {@code <data>/server.url}.
 */
final class TargetOptions {
  @Option(names = "--data", defaultValue = "wayfinder-data", description = "Data directory (default: ${DEFAULT-VALUE}; env WAYFINDER_DATA).")
  Path data;

  @Option(names = "--server", description = "URL of a running Wayfinder server, e.g. http://127.0.0.1:8080 (env WAYFINDER_SERVER).")
  String server;

  @Option(names = "--token", description = "Admin token for --server (env WAYFINDER_TOKEN; default: read from <data>/admin-token).")
  String token;

  /** For commands that only read: a missing data directory is an error, not an empty store. */
  Backend open() {
    return open(false);
  }

  /** For commands that store data (imports, sources, journeys): a missing data directory is created, and said so. */
  Backend openCreating() {
    return open(true);
  }

  private Backend open(boolean create) {
    if (server != null) return new RemoteBackend(server, token());
    if (!Files.isDirectory(data)) {
      if (!create) {
        throw new CliException("no data directory at " + data.toAbsolutePath() + " and no server given: pass --data DIR or "
            + "--server URL (or set WAYFINDER_DATA / WAYFINDER_SERVER), or load data first (wayfinder import FILE, "
            + "wayfinder serve --demo)");
      }
      System.err.println("wayfinder: creating the data directory " + data.toAbsolutePath());
    }
    try {
      return new LocalBackend(Database.open(data));
    } catch (DataDirectoryInUseException e) {
      Path urlFile = data.resolve(WayfinderServer.URL_FILE);
      if (Files.isReadable(urlFile)) {
        try {
          return new RemoteBackend(Files.readString(urlFile).trim(), token());
        } catch (IOException io) {
          throw new CliException("cannot read " + urlFile + ": " + io.getMessage());
        }
      }
      throw new CliException(e.getMessage());
    }
  }

  private String token() {
    if (token != null) return token;
    String env = System.getenv("WAYFINDER_ADMIN_TOKEN");
    if (env != null) return env;
    Path file = data.resolve(AdminToken.FILE_NAME);
    try {
      if (Files.isReadable(file)) return Files.readString(file).trim();
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage());
    }
    throw new CliException("the server needs the admin token: pass --token, set WAYFINDER_TOKEN, or run where "
        + file + " is readable");
  }
}
