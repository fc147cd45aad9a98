package io.wayfinder.store.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites the database file so deleted rows leave no bytes behind. DuckDB marks deleted rows
 * and frees rewritten blocks without overwriting them: after DELETE, CHECKPOINT, FORCE CHECKPOINT,
 * VACUUM or even a rewrite of the table, the erased values were still readable in the file (tested
 * on DuckDB 2.0). Only a copy of the live data into a new file removes them, and that needs the
 * file closed; so an erasure requests a compaction, done when the data directory is next opened
 * (before anything else opens the file) or by {@link #compact} on a closed directory.
 */
public final class Compaction {
  private static final Logger log = LoggerFactory.getLogger(Compaction.class);
  /** The marker an erasure leaves in the data directory. */
  public static final String MARKER = "compaction-pending";

  private Compaction() {}

  static void request(Path dataDir) {
    try {
      Files.writeString(dataDir.resolve(MARKER), "requested by an erasure\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot request a compaction in " + dataDir, e);
    }
  }

  /** Whether an erasure asked for a compaction that has not run yet. */
  public static boolean pending(Path dataDir) {
    return Files.exists(dataDir.resolve(MARKER));
  }

  /**
   * Copies the live contents of {@code file} into a new file and replaces it; the file must not be
   * open. A crash before the final rename leaves the old file (and the marker) in place.
   */
  public static void compact(Path dataDir, String fileName) {
    Path file = dataDir.resolve(fileName);
    Path fresh = dataDir.resolve(fileName + ".compacting");
    long t0 = System.nanoTime();
    try {
      Files.deleteIfExists(fresh);
      Files.deleteIfExists(Path.of(fresh + ".wal"));
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath()); Statement st = c.createStatement()) {
        st.execute("ATTACH '" + fresh.toAbsolutePath().toString().replace("'", "''") + "' AS wf_fresh");
        st.execute("COPY FROM DATABASE " + quote(currentDatabase(st)) + " TO wf_fresh");
        st.execute("DETACH wf_fresh");
      }
      Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Files.deleteIfExists(Path.of(file + ".wal"));
      Files.deleteIfExists(dataDir.resolve(MARKER));
      log.info("{} compacted in {} ms", file, (System.nanoTime() - t0) / 1_000_000);
    } catch (SQLException e) {
      throw new io.wayfinder.store.StoreException("cannot compact " + file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compact " + file, e);
    }
  }

  private static String currentDatabase(Statement st) throws SQLException {
    try (var rs = st.executeQuery("SELECT current_database()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String quote(String ident) {
    return "\"" + ident.replace("\"", "\"\"") + "\"";
  }
}
