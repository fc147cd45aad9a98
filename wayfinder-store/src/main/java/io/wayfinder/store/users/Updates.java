package io.wayfinder.store.users;

import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** One parameterised INSERT, UPDATE or DELETE on its own connection, for the user and session stores. */
final class Updates {
  private Updates() {}

  /** Runs {@code sql} with {@code args}; returns the rows changed. {@code what} names the table in errors. */
  static int run(Database db, String what, String sql, Object... args) {
    try (var c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot write " + what + ": " + e.getMessage(), e);
    }
  }
}
