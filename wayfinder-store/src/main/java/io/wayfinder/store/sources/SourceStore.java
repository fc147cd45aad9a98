package io.wayfinder.store.sources;

import io.wayfinder.core.collect.Source;
import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Sources and their write keys. Write keys are looked up on every collection request, so they are cached. */
public final class SourceStore {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _.-]{0,99}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database db;
  private final Map<String, Source> byWriteKey = new ConcurrentHashMap<>();

  public SourceStore(Database db) {
    this.db = db;
    list().forEach(s -> byWriteKey.put(s.writeKey(), s));
  }

  /** Creates a source with a fresh write key; names are unique. */
  public synchronized Source create(String name, String channel) {
    if (nameProblem(name) != null) throw new IllegalArgumentException("name: " + nameProblem(name));
    if (channelProblem(channel) != null) throw new IllegalArgumentException("channel: " + channelProblem(channel));
    if (byName(name).isPresent()) throw new IllegalStateException("a source named '" + name + "' exists already");
    byte[] key = new byte[16];
    RANDOM.nextBytes(key);
    Source s = new Source("src_" + HexFormat.of().formatHex(key, 0, 6), name, channel,
        "wk_" + HexFormat.of().formatHex(key), Instant.now());
    try (var c = db.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO sources VALUES (?, ?, ?, ?, ?)")) {
      ps.setString(1, s.id());
      ps.setString(2, s.name());
      ps.setString(3, s.channel());
      ps.setString(4, s.writeKey());
      ps.setObject(5, s.createdAt().atOffset(ZoneOffset.UTC));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot create source: " + e.getMessage(), e);
    }
    byWriteKey.put(s.writeKey(), s);
    return s;
  }

  /** What is wrong with a source name, or null if nothing; callers name the field as their users know it. */
  public static String nameProblem(String name) {
    return name != null && NAME.matcher(name).matches() ? null
        : "1-100 letters, digits, spaces, '_', '.', '-', starting with a letter or digit";
  }

  /** What is wrong with a source's channel, or null if nothing. */
  public static String channelProblem(String channel) {
    return channel != null && !channel.isBlank() && channel.length() <= 50 ? null
        : "required, at most 50 characters (web, app, store, call_centre, email, partner, review, ...)";
  }

  public Optional<Source> byWriteKey(String writeKey) {
    return writeKey == null ? Optional.empty() : Optional.ofNullable(byWriteKey.get(writeKey));
  }

  public Optional<Source> byName(String name) {
    return list().stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The named source, created with {@code channel} if it does not exist yet. */
  public synchronized Source getOrCreate(String name, String channel) {
    return byName(name).orElseGet(() -> create(name, channel));
  }

  public List<Source> list() {
    List<Source> out = new ArrayList<>();
    try (var c = db.connect(); var st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT id, name, channel, write_key, created_at FROM sources ORDER BY created_at, name")) {
      while (rs.next()) {
        out.add(new Source(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getObject(5, java.time.OffsetDateTime.class).toInstant()));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot list sources: " + e.getMessage(), e);
    }
    return out;
  }
}
