package io.wayfinder.store.collect;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** The appenders of one transaction, created on first use: most commits touch only the event table. */
final class Appenders implements AutoCloseable {
  private final DuckDBConnection conn;
  private final Map<String, DuckDBAppender> open = new LinkedHashMap<>();

  Appenders(DuckDBConnection conn) {
    this.conn = conn;
  }

  DuckDBAppender get(String table) throws SQLException {
    DuckDBAppender a = open.get(table);
    if (a == null) {
      a = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
      open.put(table, a);
    }
    return a;
  }

  void flush() throws SQLException {
    for (DuckDBAppender a : open.values()) if (!a.isClosed()) a.flush();
  }

  @Override
  public void close() throws SQLException {
    for (DuckDBAppender a : open.values()) if (!a.isClosed()) a.close();
  }
}
