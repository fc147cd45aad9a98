package io.wayfinder.server.guard;

import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.NanoTime;

/**
 * A request whose body reads count their bytes: past the path's limit, or slower than the minimum
 * rate once the grace period is over, the next read fails (413 or 408) and the connection is let go.
 * Jetty's own {@code MinimumDataRateHandler} is not used: it divides the bytes read by all requests
 * together, so one busy upload would hide every trickling one.
 */
final class MeteredRequest extends Request.Wrapper {
  private static final long GRACE_NANOS = RequestGuard.RATE_GRACE.toNanos();

  private final long limit;
  private final String path;
  private long firstDemand;
  private long bytes;
  private Content.Chunk failure;

  MeteredRequest(Request wrapped, long limit, String path) {
    super(wrapped);
    this.limit = limit;
    this.path = path;
  }

  @Override
  public Content.Chunk read() {
    if (failure != null) return failure;
    Content.Chunk chunk = super.read();
    if (chunk == null || Content.Chunk.isFailure(chunk)) return chunk;
    bytes += chunk.remaining();
    if (bytes > limit) {
      chunk.release();
      failure = Content.Chunk.from(RequestGuard.tooLarge(-1, limit, path));
      return failure;
    }
    return chunk;
  }

  @Override
  public void demand(Runnable onContent) {
    long now = NanoTime.now();
    if (firstDemand == 0) firstDemand = now;
    long elapsed = now - firstDemand;
    if (failure == null && elapsed > GRACE_NANOS && bytes * TimeUnit.SECONDS.toNanos(1) / elapsed < RequestGuard.MIN_READ_RATE) {
      failure = Content.Chunk.from(new HttpException.RuntimeException(408, "the body arrived at "
          + bytes * TimeUnit.SECONDS.toNanos(1) / elapsed + " bytes/s; the minimum is " + RequestGuard.MIN_READ_RATE + " bytes/s"));
    }
    if (failure != null) {
      onContent.run();
      return;
    }
    super.demand(onContent);
  }
}
