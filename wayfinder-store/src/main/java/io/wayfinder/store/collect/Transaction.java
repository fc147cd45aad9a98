package io.wayfinder.store.collect;

import io.wayfinder.core.collect.CollectedMessage;
import io.wayfinder.core.collect.WriteReceipt;
import io.wayfinder.core.event.Event;
import io.wayfinder.core.identity.Identity;
import io.wayfinder.core.identity.IdentityClaims;
import io.wayfinder.core.identity.Resolution;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * One store transaction of collected messages: resolves each message's identity, appends the
 * events, identities, traits and consent, and applies merges. The caller commits or rolls back.
 */
final class Transaction implements AutoCloseable {
  private final DuckDBConnection conn;
  private final IdentityState state;
  private final Appenders appenders;
  private final DuckDBAppender events;
  private final List<Resolution.Merge> applied = new ArrayList<>();
  private final long receivedMicros = toMicros(Instant.now());
  private long written;
  private int duplicates;
  private int newProfiles;
  /** Events dropped because an identifier is suppressed, by the identifier's hash. */
  private final Map<String, Long> dropped = new java.util.HashMap<>();

  Transaction(DuckDBConnection conn, IdentityState state) throws SQLException {
    this.conn = conn;
    this.state = state;
    // Appenders join the transaction only once a statement has begun it.
    try (var st = conn.createStatement()) {
      st.execute("SELECT 1");
    }
    appenders = new Appenders(conn);
    events = appenders.get("events");
  }

  void add(CollectedMessage m) throws SQLException {
    Event e = m.event();
    if (!state.suppressed.isEmpty() && suppressed(m.claims())) return;
    if (e.messageId() != null && !state.messageIds.add(e.messageId())) {
      duplicates++;
      return;
    }
    long at = toMicros(e.timestamp());
    Resolution r = resolve(m.claims(), at, e.messageId());
    for (Map.Entry<String, Object> t : m.traits().entrySet()) {
      DuckDBAppender traits = appenders.get("trait_history");
      traits.beginRow().append(r.profileId()).append(t.getKey());
      text(traits, Json.write(t.getValue()));
      traits.appendEpochMicros(at);
      text(traits, e.messageId()).endRow();
    }
    for (Map.Entry<String, Boolean> c : m.consent().entrySet()) {
      appenders.get("consent_history").beginRow().append(r.profileId()).append(c.getKey()).append(c.getValue().booleanValue())
          .appendEpochMicros(at);
      text(appenders.get("consent_history"), e.messageId()).endRow();
    }
    appendEvent(m, ++state.lastEventId, r.profileId(), at);
    written++;
  }

  /** Whether an identifier of the message is suppressed; counts the drop against it. */
  private boolean suppressed(IdentityClaims c) {
    List<Identity> ids = new ArrayList<>(c.others());
    if (c.userId() != null) ids.add(Identity.userId(c.userId()));
    if (c.anonymousId() != null) ids.add(Identity.anonymousId(c.anonymousId()));
    if (c.previousId() != null) {
      ids.add(Identity.userId(c.previousId()));
      ids.add(Identity.anonymousId(c.previousId()));
    }
    for (Identity id : ids) {
      String h = io.wayfinder.core.privacy.SubjectHash.of(id.kind(), id.value());
      if (state.suppressed.contains(h)) {
        countDropped(h, 1);
        return true;
      }
    }
    return false;
  }

  /** Records {@code n} events dropped for the suppressed identifier hashed {@code hash}. */
  void countDropped(String hash, long n) {
    dropped.merge(hash, n, Long::sum);
  }

  /** Resolves identity claims and appends what changed in the graph (profiles, identities, merges). */
  Resolution resolve(IdentityClaims claims, long atMicros, String messageId) throws SQLException {
    Resolution r = state.graph.resolve(claims);
    if (r.newProfile()) {
      newProfiles++;
      appenders.get("profiles").beginRow().append(r.profileId()).appendEpochMicros(atMicros).appendNull().endRow();
    }
    for (Identity id : r.linked()) {
      appenders.get("identities").beginRow().append(id.kind()).append(id.value()).append(r.profileId()).appendEpochMicros(atMicros).endRow();
    }
    for (Resolution.Merge x : r.merges()) merge(x, "merged", messageId);
    for (Resolution.Merge x : r.refused()) merge(x, "refused", messageId);
    applied.addAll(r.merges());
    return r;
  }

  /** Reserves {@code n} consecutive event ids; returns the first. */
  long reserveEventIds(long n) {
    long first = state.lastEventId + 1;
    state.lastEventId += n;
    return first;
  }

  io.wayfinder.core.identity.IdentityGraph graph() {
    return state.graph;
  }

  void markIdentityStateStale() {
    state.stale = true;
  }

  void countNewProfiles(long n) {
    newProfiles += (int) n;
  }

  /** Counts events appended outside {@link #add} (by SQL). */
  void countWritten(long n) {
    written += (int) n;
  }

  DuckDBConnection connection() {
    return conn;
  }

  private void appendEvent(CollectedMessage m, long id, long profileId, long at) throws SQLException {
    Event e = m.event();
    events.beginRow().append(id);
    text(events, e.messageId()).append(e.type().wireName());
    text(events, e.name()).append(profileId);
    text(events, e.anonymousId());
    text(events, e.userId());
    text(events, e.channel());
    text(events, e.touchpoint()).appendEpochMicros(at)
        .appendEpochMicros(e.receivedAt() == null ? receivedMicros : toMicros(e.receivedAt()));
    text(events, m.propertiesJson() != null ? m.propertiesJson() : Json.write(e.properties()));
    text(events, m.contextJson() != null ? m.contextJson() : Json.write(e.context()));
    text(events, e.source()).append(profileId).endRow();
  }

  private void merge(Resolution.Merge x, String status, String messageId) throws SQLException {
    DuckDBAppender merges = appenders.get("identity_merges");
    merges.beginRow().append(x.fromProfile()).append(x.intoProfile()).append(status)
        .append(x.via().kind()).append(x.via().value()).append(x.reason());
    text(merges, messageId).appendEpochMicros(receivedMicros).endRow();
  }

  /** The counts so far. */
  WriteReceipt receipt() {
    return new WriteReceipt((int) written, duplicates, newProfiles);
  }

  /** Flushes the appenders and applies merges; the caller then commits. */
  WriteReceipt finish() throws SQLException {
    closeAppenders();
    if (!dropped.isEmpty()) {
      try (PreparedStatement up = conn.prepareStatement("UPDATE suppressions SET dropped = dropped + ? WHERE hash = ?")) {
        for (Map.Entry<String, Long> d : dropped.entrySet()) {
          up.setLong(1, d.getValue());
          up.setString(2, d.getKey());
          up.executeUpdate();
        }
      }
    }
    if (!applied.isEmpty()) {
      try (PreparedStatement ev = conn.prepareStatement("UPDATE events SET profile_id = ? WHERE profile_id = ?");
          PreparedStatement pr = conn.prepareStatement("UPDATE profiles SET merged_into = ? WHERE id = ?")) {
        for (Resolution.Merge x : applied) {
          ev.setLong(1, x.intoProfile());
          ev.setLong(2, x.fromProfile());
          ev.executeUpdate();
          pr.setLong(1, x.intoProfile());
          pr.setLong(2, x.fromProfile());
          pr.executeUpdate();
        }
      }
    }
    return new WriteReceipt((int) written, duplicates, newProfiles);
  }

  /** Flushes the appenders so SQL in this transaction sees their rows. */
  void flush() throws SQLException {
    appenders.flush();
  }

  private void closeAppenders() throws SQLException {
    appenders.close();
  }

  @Override
  public void close() throws SQLException {
    closeAppenders();
  }

  private static DuckDBAppender text(DuckDBAppender a, String s) throws SQLException {
    return s == null ? a.appendNull() : a.append(s);
  }

  static long toMicros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
  }
}
