package io.wayfinder.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Direct SQL on a test server's DuckDB store: the independent computation the API's numbers are checked against. */
public final class StoreSql implements AutoCloseable {
  public final Connection connection;

  public StoreSql(TestServer t) {
    connection = t.server.database().connect();
  }

  /** The first column of the first row, as text. */
  public String text(String query, Object... args) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(query)) {
      for (int k = 0; k < args.length; k++) ps.setObject(k + 1, args[k]);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  /** The first column of the first row, as a number. */
  public long count(String query, Object... args) throws SQLException {
    return Long.parseLong(text(query, args));
  }

  public void execute(String statement) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(statement);
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
