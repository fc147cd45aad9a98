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
