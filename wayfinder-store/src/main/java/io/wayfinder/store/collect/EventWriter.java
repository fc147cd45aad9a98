package io.wayfinder.store.collect;

import io.wayfinder.core.collect.CollectedMessage;
import io.wayfinder.core.collect.WriteReceipt;
import io.wayfinder.store.Database;
import io.wayfinder.store.StoreException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of the event log. Submissions from many request threads are grouped into
 * one transaction (group commit), so throughput does not pay one disk sync per request; each
 * submission's future completes only after its transaction committed, which is what makes an
 * HTTP 2xx mean "durable".
 *
 * <p>Identity resolution runs here, in commit order, so the identity graph never races.
 */
public final class EventWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EventWriter.class);
  private static final int MAX_GROUP_EVENTS = 50_000;

  /** Work done alone in one transaction of the writer (a bulk import). */
  @FunctionalInterface
  public interface BulkJob {
    void run(BulkSession session) throws SQLException;
  }

  /** Messages to write; or a bulk job, run alone in one transaction. */
  private record Submission(List<CollectedMessage> messages, BulkJob job, CompletableFuture<WriteReceipt> done) {
    boolean bulk() {
      return job != null;
    }
  }

  private final DuckDBConnection conn;
  private final LinkedBlockingQueue<Submission> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private final AtomicLong committedEvents = new AtomicLong();
  private final AtomicLong commits = new AtomicLong();
  private IdentityState state;
  private volatile boolean running = true;

  public EventWriter(Database db) {
    this.conn = db.connect();
    try {
      conn.setAutoCommit(false);
      state = IdentityState.load(conn);
      conn.commit();
    } catch (SQLException e) {
      throw new StoreException("cannot load identity state: " + e.getMessage(), e);
    }
    thread = new Thread(this::loop, "wayfinder-event-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues messages for the next group commit; the future completes once they are durable. */
  public CompletableFuture<WriteReceipt> submit(List<CollectedMessage> messages) {
    CompletableFuture<WriteReceipt> done = new CompletableFuture<>();
    if (!running) {
      done.completeExceptionally(new StoreException("the event writer is closed"));
    } else {
      queue.add(new Submission(List.copyOf(messages), null, done));
    }
    return done;
  }

  /**
   * Writes every chunk the iterator yields in one transaction: all or nothing. If the iterator
   * throws (a bad row), nothing of it is stored and the exception is rethrown. Collection
   * requests wait while a bulk import is being written.
   */
  public WriteReceipt writeAll(Iterator<List<CollectedMessage>> chunks) {
    return runBulk(session -> session.write(chunks));
  }

  /**
   * Runs a bulk job alone in one transaction of the writer: committed when it returns, rolled
   * back (and the in-memory identity state reloaded) when it throws.
   */
  public WriteReceipt runBulk(BulkJob job) {
    CompletableFuture<WriteReceipt> done = new CompletableFuture<>();
    if (!running) throw new StoreException("the event writer is closed");
    queue.add(new Submission(List.of(), job, done));
    try {
      return done.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw e;
    }
  }

  /** Writes and commits messages now, waiting for the result (bulk import path). */
  public WriteReceipt write(List<CollectedMessage> messages) {
    return submit(messages).join();
  }

  public long committedEvents() {
    return committedEvents.get();
  }

  public long commits() {
    return commits.get();
  }

  private void loop() {
    List<Submission> group = new ArrayList<>();
    while (running || !queue.isEmpty()) {
      try {
        Submission first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) continue;
        if (first.bulk()) {
          commitBulk(first);
          continue;
        }
        group.add(first);
        int events = first.messages().size();
        while (events < MAX_GROUP_EVENTS && queue.peek() != null && !queue.peek().bulk()) {
          Submission next = queue.poll();
          group.add(next);
          events += next.messages().size();
        }
        commitGroup(group);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } finally {
        group.clear();
      }
    }
  }

  private void commitGroup(List<Submission> group) {
    try {
      reloadIfStale();
      long t0 = System.nanoTime();
      List<WriteReceipt> receipts = writeInOneTransaction(group);
      if (log.isDebugEnabled()) {
        log.debug("group of {} submissions committed in {} ms", group.size(), (System.nanoTime() - t0) / 1_000_000);
      }
      for (int i = 0; i < group.size(); i++) group.get(i).done().complete(receipts.get(i));
    } catch (SQLException | RuntimeException e) {
      recover();
      if (group.size() == 1) {
        group.get(0).done().completeExceptionally(new StoreException("write failed: " + e.getMessage(), e));
        return;
      }
      // One submission may be the cause: retry each on its own so the others still land.
      for (Submission s : group) commitGroup(List.of(s));
    }
  }

  private void commitBulk(Submission s) {
    try {
      reloadIfStale();
      WriteReceipt r;
      try (Transaction tx = new Transaction(conn, state)) {
        s.job().run(new BulkSession(tx));
        long t0 = System.nanoTime();
        r = tx.finish();
        log.debug("bulk finish {} ms", (System.nanoTime() - t0) / 1_000_000);
      }
      long t1 = System.nanoTime();
      conn.commit();
      log.debug("bulk commit {} ms", (System.nanoTime() - t1) / 1_000_000);
      commits.incrementAndGet();
      committedEvents.addAndGet(r.written());
      s.done().complete(r);
    } catch (Throwable e) {
      // an Error too (a job out of memory): were it to end this thread, every later write would wait forever
      recover();
      s.done().completeExceptionally(e instanceof RuntimeException ? e : new StoreException("import failed: " + e.getMessage(), e));
    }
  }

  private List<WriteReceipt> writeInOneTransaction(List<Submission> group) throws SQLException {
    List<WriteReceipt> receipts = new ArrayList<>(group.size());
    WriteReceipt total;
    try (Transaction tx = new Transaction(conn, state)) {
      for (Submission s : group) {
        WriteReceipt before = tx.receipt();
        for (CollectedMessage m : s.messages()) tx.add(m);
        WriteReceipt after = tx.receipt();
        receipts.add(new WriteReceipt(after.written() - before.written(),
            after.duplicates() - before.duplicates(), after.newProfiles() - before.newProfiles()));
      }
      total = tx.finish();
    }
    conn.commit();
    commits.incrementAndGet();
    committedEvents.addAndGet(total.written());
    return receipts;
  }

  private void reloadIfStale() throws SQLException {
    if (!state.stale) return;
    long t0 = System.nanoTime();
    state = IdentityState.load(conn);
    conn.commit();
    log.debug("identity state reloaded after a bulk import in {} ms", (System.nanoTime() - t0) / 1_000_000);
  }

  private void recover() {
    try {
      conn.rollback();
      state = IdentityState.load(conn);
      conn.commit();
    } catch (SQLException e) {
      log.error("cannot reload identity state after a failed write", e);
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(30_000);
      conn.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      throw new StoreException("close failed: " + e.getMessage(), e);
    }
  }
}
