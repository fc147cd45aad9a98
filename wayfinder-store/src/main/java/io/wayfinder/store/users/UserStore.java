package io.wayfinder.store.users;

import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Local users and their bcrypt password hashes. */
public final class UserStore {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}");
  public static final String FIRST_ADMIN = "admin";

  private final Database db;

  public UserStore(Database db) {
    this.db = db;
  }

  public synchronized User create(String name, String password, Role role) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("name: 1-64 letters, digits, '_', '.', '@', '-', starting with a letter or digit");
    }
    if (find(name).isPresent()) throw new IllegalStateException("a user named '" + name + "' exists already");
    String hash = Passwords.hash(password);
    Instant now = Instant.now();
    update("INSERT INTO users VALUES (?, ?, ?, ?, ?)", name, hash, role.id(), now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC));
    return new User(name, role, now, now);
  }

  public synchronized void setPassword(String name, String password) {
    String hash = Passwords.hash(password);
    if (update("UPDATE users SET password_hash = ?, password_changed_at = ? WHERE name = ?",
        hash, OffsetDateTime.now(ZoneOffset.UTC), name) == 0) {
      throw new IllegalArgumentException("no user named '" + name + "'");
    }
  }

  /** Removes a user; the last admin cannot be removed, so the application always has one. */
  public synchronized boolean delete(String name) {
    Optional<User> u = find(name);
    if (u.isEmpty()) return false;
    if (u.get().isAdmin() && list().stream().filter(User::isAdmin).count() == 1) {
      throw new IllegalStateException("'" + name + "' is the last admin and cannot be removed");
    }
    return update("DELETE FROM users WHERE name = ?", name) > 0;
  }

  /** The user whose password matches; an unknown name takes as long as a wrong password. */
  public Optional<User> authenticate(String name, String password) {
    String hash = name == null ? null : hashOf(name);
    return Passwords.verify(password, hash) ? find(name) : Optional.empty();
  }

  public Optional<User> find(String name) {
    return query("WHERE name = ?", name).stream().findFirst();
  }

  public List<User> list() {
    return query("ORDER BY created_at, name");
  }

  public long count() {
    return list().size();
  }

  /** The stored hash, for tests that check how passwords are kept. */
  public String hashOf(String name) {
    try (var c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM users WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read user: " + e.getMessage(), e);
    }
  }

  private List<User> query(String tail, Object... args) {
    List<User> out = new ArrayList<>();
    try (var c = db.connect(); PreparedStatement ps = c.prepareStatement(
        "SELECT name, role, created_at, password_changed_at FROM users " + tail)) {
      for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new User(rs.getString(1), Role.parse(rs.getString(2)),
              rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getObject(4, OffsetDateTime.class).toInstant()));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read users: " + e.getMessage(), e);
    }
    return out;
  }

  private int update(String sql, Object... args) {
    return Updates.run(db, "users", sql, args);
  }
}
