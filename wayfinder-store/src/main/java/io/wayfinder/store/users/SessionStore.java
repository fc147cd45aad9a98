package io.wayfinder.store.users;

import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Web sessions in the {@code web_sessions} table, so they outlive the server process. Rows are
 * keyed by the SHA-256 (hex) of the session id, and anything that is not such a digest is
 * refused: the id itself must never reach the database. When a session expires is the caller's
 * policy; this class only keeps rows and deletes those it is told are too old.
 */
public final class SessionStore {
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  private final Database db;

  public SessionStore(Database db) {
    this.db = db;
  }

  public void insert(String idHash, WebSession s) {
    update("INSERT INTO web_sessions VALUES (?, ?, ?, ?, ?, ?)", checked(idHash), s.user(), s.role().id(), s.csrf(),
        utc(s.created()), utc(s.lastSeen()));
  }

  public Optional<WebSession> find(String idHash) {
    return Optional.ofNullable(read(" WHERE id_hash = ?", checked(idHash)).get(idHash));
  }

  /** Every stored session by the hash of its id. */
  public Map<String, WebSession> all() {
    return read("");
  }

  private Map<String, WebSession> read(String where, Object... args) {
    Map<String, WebSession> out = new HashMap<>();
    try (var c = db.connect(); PreparedStatement ps = c.prepareStatement(
        "SELECT id_hash, user_name, role, csrf, created_at, last_seen FROM web_sessions" + where)) {
      for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), new WebSession(rs.getString(2), Role.parse(rs.getString(3)), rs.getString(4),
              rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getObject(6, OffsetDateTime.class).toInstant()));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read web sessions: " + e.getMessage(), e);
    }
    return out;
  }

  /** Records the last use of a session; nothing happens when it is gone. */
  public void touch(String idHash, Instant lastSeen) {
    update("UPDATE web_sessions SET last_seen = ? WHERE id_hash = ?", utc(lastSeen), checked(idHash));
  }

  public void delete(String idHash) {
    update("DELETE FROM web_sessions WHERE id_hash = ?", checked(idHash));
  }

  /** Deletes every session of {@code user}; returns how many there were. */
  public int deleteUser(String user) {
    return update("DELETE FROM web_sessions WHERE user_name = ?", user);
  }

  /** Deletes the sessions last used before {@code seenBefore} or opened before {@code openedBefore}. */
  public int deleteExpired(Instant seenBefore, Instant openedBefore) {
    return update("DELETE FROM web_sessions WHERE last_seen < ? OR created_at < ?", utc(seenBefore), utc(openedBefore));
  }

  private static String checked(String idHash) {
    if (idHash == null || !SHA256_HEX.matcher(idHash).matches()) {
      throw new IllegalArgumentException("web sessions are keyed by the SHA-256 hex of their id, never by the id");
    }
    return idHash;
  }

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }

  private int update(String sql, Object... args) {
    return Updates.run(db, "web sessions", sql, args);
  }
}
