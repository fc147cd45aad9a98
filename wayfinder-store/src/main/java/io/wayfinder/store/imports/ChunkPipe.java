package io.wayfinder.store.imports;

import io.wayfinder.core.collect.CollectedMessage;
import io.wayfinder.store.StoreException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Hands chunks of messages from the reading thread to the writing thread, with back-pressure.
 * A failure while reading, of any kind (an {@link Error} too), is rethrown to the writer, which
 * then rolls the import back. The writer never waits longer than the stall limit for the next
 * chunk: it holds the only write transaction, so collection waits with it, and a reader that is
 * stuck must not stop collection.
 */
final class ChunkPipe implements Iterator<List<CollectedMessage>> {
  private record Item(List<CollectedMessage> chunk, Throwable failure) {}

  private static final Item END = new Item(null, null);
  private final BlockingQueue<Item> queue;
  private final Duration stall;
  private volatile boolean cancelled;
  private volatile Thread producer;
  private Item head;

  ChunkPipe(int capacity, Duration stall) {
    queue = new ArrayBlockingQueue<>(capacity);
    this.stall = stall;
  }

  /** Runs on the reading thread: pulls chunks until null (end) or a failure. */
  void produce(Supplier<List<CollectedMessage>> nextChunk) {
    producer = Thread.currentThread();
    try {
      for (List<CollectedMessage> c = nextChunk.get(); c != null; c = nextChunk.get()) {
        if (!put(new Item(c, null))) return;
      }
      put(END);
    } catch (Throwable e) {
      // an OutOfMemoryError too: the writer must hear of it, or it waits for this reader forever
      put(new Item(null, e));
    }
  }

  private boolean put(Item item) {
    try {
      while (!cancelled) {
        if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  /** Stops the reader: it ends at its next hand-off, or now if it is waiting on something interruptible. */
  void cancel() {
    cancelled = true;
    queue.clear();
    Thread p = producer;
    if (p != null && p != Thread.currentThread()) p.interrupt();
  }

  /**
   * Waits for the first chunk (or the end) as long as it takes, and throws a failure that came
   * first: on the importing request's thread, before the writer is involved, a slow start holds
   * nobody else.
   */
  void awaitFirst() {
    if (head != null) return;
    try {
      head = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("import interrupted", e);
    }
    if (head.failure() != null) hasNext(); // a file that fails at once fails here, before the writer is asked
  }

  @Override
  public boolean hasNext() {
    if (head == null) {
      try {
        head = queue.poll(stall.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("import interrupted", e);
      }
      if (head == null) {
        cancel();
        throw new ImportStalledException(stall);
      }
    }
    Throwable f = head.failure();
    if (f instanceof RuntimeException r) throw r;
    if (f != null) throw new StoreException("import failed: reading the file failed: " + f, f);
    return head != END;
  }

  @Override
  public List<CollectedMessage> next() {
    if (!hasNext()) throw new NoSuchElementException();
    List<CollectedMessage> c = head.chunk();
    head = null;
    return c;
  }
}
