package io.wayfinder.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded DuckDB database of one data directory. Opening it applies any pending schema
 * migrations, so an older data directory is upgraded in place.
 *
 * <p>DuckDB lets one process hold the file; inside this process any number of connections may
 * be {@linkplain #connect() duplicated} from the one we open.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);
  public static final String FILE_NAME = "wayfinder.duckdb";

  private final Path dataDir;
  private final DuckDBConnection root;

  private Database(Path dataDir, DuckDBConnection root) {
    this.dataDir = dataDir;
    this.root = root;
  }

  /** Opens (creating if needed) the database in {@code dataDir} and migrates it to the latest schema. */
  public static Database open(Path dataDir) {
    return open(dataDir, null);
  }

  /** As {@link #open(Path)}, migrating only up to {@code targetVersion} (null: latest); for upgrade tests. */
  public static Database open(Path dataDir, String targetVersion) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + dataDir, e);
    }
    // an erasure leaves this marker: copy the live data to a fresh file so no erased bytes remain
    if (io.wayfinder.store.privacy.Compaction.pending(dataDir) && Files.exists(dataDir.resolve(FILE_NAME))) {
      io.wayfinder.store.privacy.Compaction.compact(dataDir, FILE_NAME);
    }
    String url = "jdbc:duckdb:" + dataDir.resolve(FILE_NAME).toAbsolutePath();
    DuckDBConnection conn;
    try {
      conn = (DuckDBConnection) DriverManager.getConnection(url, new Properties());
    } catch (SQLException e) {
      if (String.valueOf(e.getMessage()).contains("lock")) throw new DataDirectoryInUseException(dataDir, e);
      throw new StoreException("cannot open " + url + ": " + e.getMessage(), e);
    }
    Database db = new Database(dataDir, conn);
    try (var st = conn.createStatement()) {
      // Checkpoint (fold the write-ahead log into the file) every 256 MB of log rather than
      // DuckDB's 16 MB: steady ingestion otherwise pays a checkpoint every few seconds.
      st.execute("SET checkpoint_threshold = '256MB'");
    } catch (SQLException e) {
      db.close();
      throw new StoreException("cannot configure " + url + ": " + e.getMessage(), e);
    }
    try {
      db.migrate(targetVersion);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return db;
  }

  private void migrate(String targetVersion) {
    try {
      int ran = Migrations.apply(root, targetVersion == null ? null : Integer.valueOf(targetVersion));
      if (ran > 0) log.info("schema of {} migrated to version {} ({} migrations)", dataDir, Migrations.current(root), ran);
    } catch (SQLException e) {
      throw new StoreException("cannot migrate " + dataDir + ": " + e.getMessage(), e);
    }
  }

  /** A new connection to the same database (cheap; DuckDB shares the instance). */
  public DuckDBConnection connect() {
    try {
      return (DuckDBConnection) root.duplicate();
    } catch (SQLException e) {
      throw new StoreException("cannot open a connection: " + e.getMessage(), e);
    }
  }

  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
    try {
      root.close();
    } catch (SQLException e) {
      throw new StoreException("close failed: " + e.getMessage(), e);
    }
  }

}
