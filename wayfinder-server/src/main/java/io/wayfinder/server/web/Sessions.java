package io.wayfinder.server.web;

import io.wayfinder.store.users.SessionStore;
import io.wayfinder.store.users.User;
import io.wayfinder.store.users.WebSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Signed-in sessions: when they end, and that a new id is issued at every sign-in. They are kept
 * in the database ({@link SessionStore}), so a restart keeps everyone signed in; only the SHA-256
 * of a session id is stored or held here, the ids themselves are only ever in the cookies. A
 * session ends after {@link #IDLE} without a request or {@link #ABSOLUTE} after sign-in.
 *
 * <p>The live sessions are read from the table at start and kept in memory, so a request (also one
 * with an unknown or forged cookie) never reads the database; the last use is written back at most
 * every {@link #TOUCH_EVERY}, not on every request. One process holds the data directory, so
 * nothing else changes the table behind the cache. Because the stored last use may lag by up to a minute, a session may end up to a minute
 * early after a restart.
 */
public final class Sessions {
  public static final Duration IDLE = Duration.ofHours(8);
  public static final Duration ABSOLUTE = Duration.ofDays(7);
  /** How stale the stored last use may get: one write a minute per session in use. */
  static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
  /** How often expired rows are deleted, for the sessions nobody asks for again. */
  static final Duration PURGE_EVERY = Duration.ofHours(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A freshly opened session and the id to put in its cookie. */
  public record Opened(String id, WebSession session) {}

  /** A session as cached here, and the last use the database has for it. */
  private record Cached(WebSession session, Instant storedSeen) {}

  private final Map<String, Cached> byHash = new ConcurrentHashMap<>();
  /** Held while a row and its cache entry change together, so table and cache never disagree. */
  private final Object rows = new Object();
  private final SessionStore store;
  private final Clock clock;
  private final AtomicReference<Instant> nextPurge;

  /** Sessions over {@code store}; rows that expired while the server was down are deleted now. */
  public Sessions(SessionStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.nextPurge = new AtomicReference<>(clock.instant());
    purgeIfDue();
    store.all().forEach((h, s) -> byHash.put(h, new Cached(s, s.lastSeen())));
  }

  /** Opens a new session with a new random id (never one the client proposed: no fixation). */
  public Opened open(User user) {
    // The database keeps microseconds; a session reads the same before and after a restart.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    String id = random(32);
    WebSession s = new WebSession(user.name(), user.role(), random(24), now, now);
    String h = hash(id);
    synchronized (rows) {
      store.insert(h, s);
      byHash.put(h, new Cached(s, now));
    }
    purgeIfDue();
    return new Opened(id, s);
  }

  /** The live session of {@code id}, its last use updated; an expired session is deleted. */
  public Optional<WebSession> find(String id) {
    if (id == null || id.isEmpty() || id.length() > 100) return Optional.empty();
    String h = hash(id);
    Instant now = clock.instant();
    purgeIfDue();
    if (!byHash.containsKey(h)) return Optional.empty();
    boolean[] expired = {false};
    boolean[] write = {false};
    Cached c = byHash.computeIfPresent(h, (k, v) -> {
      if (expired(v.session(), now)) {
        expired[0] = true;
        return null;
      }
      write[0] = !now.isBefore(v.storedSeen().plus(TOUCH_EVERY));
      return new Cached(v.session().seen(now), write[0] ? now : v.storedSeen());
    });
    if (expired[0]) forget(h);
    else if (write[0]) store.touch(h, now);
    return c == null ? Optional.empty() : Optional.of(c.session());
  }

  /** True when the request's cookie names a live session. */
  public boolean signedIn(io.javalin.http.Context ctx) {
    return find(SessionCookie.read(ctx)).isPresent();
  }

  /** Ends the session of {@code id}, so its cookie opens nothing any more. */
  public void close(String id) {
    if (id != null && !id.isEmpty() && id.length() <= 100) forget(hash(id));
  }

  /** Ends every session of a user (removed, or their password or role changed). */
  public void closeAll(String user) {
    synchronized (rows) {
      store.deleteUser(user);
      byHash.values().removeIf(c -> c.session().user().equals(user));
    }
  }

  private void forget(String h) {
    synchronized (rows) {
      store.delete(h);
      byHash.remove(h);
    }
  }

  private void purgeIfDue() {
    Instant now = clock.instant();
    Instant due = nextPurge.get();
    if (now.isBefore(due) || !nextPurge.compareAndSet(due, now.plus(PURGE_EVERY))) return;
    // A stored last use may lag the cached one by up to TOUCH_EVERY: only rows surely expired go.
    store.deleteExpired(now.minus(IDLE).minus(TOUCH_EVERY), now.minus(ABSOLUTE));
    byHash.values().removeIf(c -> expired(c.session(), now));
  }

  private static boolean expired(WebSession s, Instant now) {
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
