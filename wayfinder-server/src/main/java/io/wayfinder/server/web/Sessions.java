package io.wayfinder.server.web;

import io.wayfinder.store.users.Role;
import io.wayfinder.store.users.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in sessions, in memory: a restart signs everyone out, which is the safe failure. The map
 * is keyed by the SHA-256 of the session id, so the ids themselves are only ever in the cookies.
 * A session ends after {@link #IDLE} without a request or {@link #ABSOLUTE} after sign-in.
 */
public final class Sessions {
  public static final Duration IDLE = Duration.ofHours(8);
  public static final Duration ABSOLUTE = Duration.ofDays(7);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A session: who, with which role, and the token that state-changing requests must echo. */
  public record Session(String user, Role role, String csrf, Instant created, Instant lastSeen) {
    Session seen(Instant now) {
      return new Session(user, role, csrf, created, now);
    }
  }

  /** A freshly opened session and the id to put in its cookie. */
  public record Opened(String id, Session session) {}

  private final Map<String, Session> byHash = new ConcurrentHashMap<>();
  private final Clock clock;

  public Sessions(Clock clock) {
    this.clock = clock;
  }

  /** Opens a new session with a new random id (never one the client proposed: no fixation). */
  public Opened open(User user) {
    Instant now = clock.instant();
    String id = random(32);
    Session s = new Session(user.name(), user.role(), random(24), now, now);
    byHash.put(hash(id), s);
    return new Opened(id, s);
  }

  /** The live session of {@code id}, its last use updated; expired sessions are removed. */
  public Optional<Session> find(String id) {
    if (id == null || id.isEmpty() || id.length() > 100) return Optional.empty();
    String h = hash(id);
    Instant now = clock.instant();
    Session s = byHash.computeIfPresent(h, (k, v) -> expired(v, now) ? null : v.seen(now));
    return Optional.ofNullable(s);
  }

  /** True when the request's cookie names a live session. */
  public boolean signedIn(io.javalin.http.Context ctx) {
    return find(SessionCookie.read(ctx)).isPresent();
  }

  /** Ends the session of {@code id}, so its cookie opens nothing any more. */
  public void close(String id) {
    if (id != null && id.length() <= 100) byHash.remove(hash(id));
  }

  /** Ends every session of a user (removed, or their password or role changed). */
  public void closeAll(String user) {
    byHash.values().removeIf(s -> s.user().equals(user));
  }

  public int size() {
    Instant now = clock.instant();
    byHash.values().removeIf(s -> expired(s, now));
    return byHash.size();
  }

  private static boolean expired(Session s, Instant now) {
    return now.isAfter(s.lastSeen().plus(IDLE)) || now.isAfter(s.created().plus(ABSOLUTE));
  }

  private static String random(int bytes) {
    byte[] raw = new byte[bytes];
    RANDOM.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  private static String hash(String id) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
