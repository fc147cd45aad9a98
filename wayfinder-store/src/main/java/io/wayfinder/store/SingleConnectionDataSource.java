package io.wayfinder.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.duckdb.DuckDBConnection;

/** Hands out duplicates of one open DuckDB connection (the file may be opened once per process). */
final class SingleConnectionDataSource implements DataSource {
  private final DuckDBConnection root;

  SingleConnectionDataSource(DuckDBConnection root) {
    this.root = root;
  }

  @Override public Connection getConnection() throws SQLException { return root.duplicate(); }
  @Override public Connection getConnection(String u, String p) throws SQLException { return getConnection(); }
  @Override public PrintWriter getLogWriter() { return null; }
  @Override public void setLogWriter(PrintWriter out) {}
  @Override public void setLoginTimeout(int seconds) {}
  @Override public int getLoginTimeout() { return 0; }
  @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { throw new SQLFeatureNotSupportedException(); }
  @Override public <T> T unwrap(Class<T> iface) throws SQLException { throw new SQLException("not a wrapper"); }
  @Override public boolean isWrapperFor(Class<?> iface) { return false; }
}
