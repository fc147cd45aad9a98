package io.wayfinder.store.imports;

import io.wayfinder.core.collect.CollectedMessage;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Hands chunks of messages from the reading thread to the writing thread, with back-pressure.
 * A failure while reading is rethrown to the writer, which then rolls the import back.
 */
final class ChunkPipe implements Iterator<List<CollectedMessage>> {
  private record Item(List<CollectedMessage> chunk, RuntimeException failure) {}

  private static final Item END = new Item(null, null);
  private final BlockingQueue<Item> queue;
  private volatile boolean cancelled;
  private Item head;

  ChunkPipe(int capacity) {
    queue = new ArrayBlockingQueue<>(capacity);
  }

  /** Runs on the reading thread: pulls chunks until null (end) or a failure. */
  void produce(Supplier<List<CollectedMessage>> nextChunk) {
    try {
      for (List<CollectedMessage> c = nextChunk.get(); c != null; c = nextChunk.get()) {
        if (!put(new Item(c, null))) return;
      }
      put(END);
    } catch (RuntimeException e) {
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

  void cancel() {
    cancelled = true;
    queue.clear();
  }

  @Override
  public boolean hasNext() {
    if (head == null) {
      try {
        head = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("import interrupted", e);
      }
    }
    if (head.failure() != null) throw head.failure();
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
