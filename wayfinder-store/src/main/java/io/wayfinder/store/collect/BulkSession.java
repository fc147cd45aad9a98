package io.wayfinder.store.collect;

import io.wayfinder.core.collect.CollectedMessage;
import io.wayfinder.core.identity.IdentityClaims;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.duckdb.DuckDBConnection;

/**
 * What a bulk job may do inside the event writer's transaction: write messages, resolve user
 * ids to profiles, reserve event ids and run SQL on the writer's connection. Everything is
 * committed together when the job returns, or rolled back if it throws.
 */
public final class BulkSession {
  private final Transaction tx;

  BulkSession(Transaction tx) {
    this.tx = tx;
  }

  /** Writes messages as the collection API would. */
  public void write(Iterator<List<CollectedMessage>> chunks) throws SQLException {
    while (chunks.hasNext()) {
      for (CollectedMessage m : chunks.next()) tx.add(m);
    }
  }

  /** The profile of a known customer user id, creating profile and identity when new. */
  public long resolveUserId(String userId, Instant firstSeen) throws SQLException {
    return tx.resolve(IdentityClaims.of(userId, null), Transaction.toMicros(firstSeen), null).profileId();
  }

  /**
   * Resolves every customer of {@code customers} (a table with columns {@code customer VARCHAR},
   * {@code first_seen TIMESTAMPTZ}, one row each) as a known user id, into a new temporary table
   * {@code into (customer, profile_id)}. Customers seen before keep their profile; new ones get
   * new profiles created in SQL, so a million customers cost a few set operations, not a million
   * appends.
   */
  public void resolveUserIdTable(String customers, String into) throws SQLException {
    tx.flush();
    var c = tx.connection();
    try (var st = c.createStatement()) {
      st.execute("CREATE TEMP TABLE wf_known (customer VARCHAR, profile_id BIGINT)");
      long total;
      try (var rs = st.executeQuery("SELECT count(*) FROM " + customers)) {
        rs.next();
        total = rs.getLong(1);
      }
      long known = 0;
      try (var rs = st.executeQuery("SELECT t.customer FROM " + customers + " t JOIN identities i "
          + "ON i.kind = 'user_id' AND i.value = t.customer");
          var app = c.createAppender(org.duckdb.DuckDBConnection.DEFAULT_SCHEMA, "wf_known")) {
        while (rs.next()) {
          String k = rs.getString(1);
          app.beginRow().append(k).append(tx.graph().profileOf(io.wayfinder.core.identity.Identity.userId(k))).endRow();
          known++;
        }
      }
      long fresh = total - known;
      long first = tx.graph().reserveProfiles(fresh);
      st.execute("CREATE TEMP TABLE " + into + " AS SELECT t.customer, t.first_seen, "
          + "coalesce(k.profile_id, " + (first - 1) + " + row_number() OVER (PARTITION BY k.profile_id IS NULL ORDER BY t.customer)) AS profile_id "
          + "FROM " + customers + " t LEFT JOIN wf_known k ON k.customer = t.customer");
      st.execute("DROP TABLE wf_known");
      String freshRows = " FROM " + into + " WHERE profile_id >= " + first;
      st.execute("INSERT INTO profiles SELECT profile_id, first_seen, NULL" + freshRows);
      st.execute("INSERT INTO identities SELECT 'user_id', customer, profile_id, first_seen" + freshRows);
      // The new identities are not added to the in-memory graph one by one: the writer reloads
      // the graph from the identity table before its next write (cheaper, and a one-shot import
      // never pays it).
      if (fresh > 0) tx.markIdentityStateStale();
      tx.countNewProfiles(fresh);
    }
  }

  /** The largest profile id given out so far. */
  public long lastProfileId() {
    return tx.graph().reserveProfiles(0) - 1;
  }

  /**
   * After profiles, identities or suppressions were changed by SQL in this session (erasure):
   * the writer reloads its identity graph, message ids and suppressed identifiers before its next write.
   */
  public void reloadIdentityStateAfterCommit() {
    tx.markIdentityStateStale();
  }

  /** Records {@code n} rows dropped by SQL because their identifier (hashed) is suppressed. */
  public void countSuppressed(String hash, long n) {
    tx.countDropped(hash, n);
  }

  /** Reserves {@code n} consecutive event ids and returns the first. */
  public long reserveEventIds(long n) {
    return tx.reserveEventIds(n);
  }

  /** Records that {@code n} events were inserted by SQL in this session. */
  public void countWritten(long n) {
    tx.countWritten(n);
  }

  /** Makes rows appended so far visible to SQL run in this session. */
  public void flush() throws SQLException {
    tx.flush();
  }

  /** The writer's connection, inside its open transaction. */
  public DuckDBConnection connection() {
    return tx.connection();
  }
}
