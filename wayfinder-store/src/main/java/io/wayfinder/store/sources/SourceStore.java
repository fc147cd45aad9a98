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

/**
 * Sources, their write keys and their signing secrets. Write keys are looked up on every collection
 * request and secrets on every widget request, so both are cached.
 */
public final class SourceStore {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _.-]{0,99}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database db;
  private final Map<String, Source> byWriteKey = new ConcurrentHashMap<>();
  private final Map<String, String> secretBySource = new ConcurrentHashMap<>();

  /** A source's signing secret, as shown once when it is made. */
  public record SigningSecret(String source, String signingSecret, Instant createdAt) {}

  public SourceStore(Database db) {
    this.db = db;
    list().forEach(s -> byWriteKey.put(s.writeKey(), s));
    try (var c = db.connect(); var st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT source_id, secret FROM source_signing_secrets")) {
      while (rs.next()) secretBySource.put(rs.getString(1), rs.getString(2));
    } catch (SQLException e) {
      throw new StoreException("cannot read signing secrets: " + e.getMessage(), e);
    }
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

  /** The source with this id, or else with this name. */
  public Optional<Source> byIdOrName(String ref) {
    List<Source> all = list();
    return all.stream().filter(s -> s.id().equals(ref)).findFirst()
        .or(() -> all.stream().filter(s -> s.name().equals(ref)).findFirst());
  }

  /**
   * Makes a fresh signing secret for the source, replacing any earlier one (which stops working at
   * once: rotate it when it may have leaked). It is returned here and never listed again.
   */
  public synchronized SigningSecret newSigningSecret(String sourceId) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    SigningSecret s = new SigningSecret(sourceId, "wss_" + HexFormat.of().formatHex(bytes), Instant.now());
    try (var c = db.connect(); PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO source_signing_secrets VALUES (?, ?, ?)")) {
      ps.setString(1, sourceId);
      ps.setString(2, s.signingSecret());
      ps.setObject(3, s.createdAt().atOffset(ZoneOffset.UTC));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot store the signing secret: " + e.getMessage(), e);
    }
    secretBySource.put(sourceId, s.signingSecret());
    return s;
  }

  /** The source's signing secret, if one was made. */
  public Optional<String> signingSecret(String sourceId) {
    return Optional.ofNullable(secretBySource.get(sourceId));
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
