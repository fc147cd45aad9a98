package io.wayfinder.server.guard;

import java.time.Duration;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The first Jetty handler every request meets, before any route or worker thread: it refuses a
 * body larger than its path allows from the {@code Content-Length} header alone (and stops reading
 * a chunked one at the limit), and drops a request whose body arrives slower than
 * {@link #MIN_READ_RATE} bytes per second. Behind it an {@link EagerContentHandler} reads bodies up
 * to {@link #RETAINED_BYTES} without holding a thread, so a client that trickles its body ties up a
 * socket and a buffer, never one of the threads that answer {@code /health} and collection.
 */
public final class RequestGuard extends Handler.Wrapper {
  /** The slowest accepted body, averaged from the first read (8 kbit/s, slower than any usable link). */
  public static final long MIN_READ_RATE = 1024;
  /** A body slower than {@link #MIN_READ_RATE} is tolerated this long (a client may pause to start). */
  public static final Duration RATE_GRACE = Duration.ofSeconds(5);
  /** Bodies up to this size are read before a thread is assigned (the largest batch, with slack). */
  public static final int RETAINED_BYTES = 1024 * 1024;

  private final BodyLimits limits;

  private RequestGuard(BodyLimits limits, Handler next) {
    super(next);
    this.limits = limits;
  }

  /** The guard in front of {@code next} (null: Javalin attaches its servlet context there). */
  public static RequestGuard create(BodyLimits limits) {
    return new RequestGuard(limits, new EagerContentHandler(
        new EagerContentHandler.RetainedContentLoaderFactory(RETAINED_BYTES, -1, false)));
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    long limit = limits.forPath(path);
    long length = request.getLength();
    if (length > limit) {
      // Refused from the header: the body is never read, so its size costs nothing.
      Response.writeError(request, response, callback, tooLarge(length, limit, path));
      return true;
    }
    return super.handle(new MeteredRequest(request, limit, path), response, callback);
  }

  static HttpException.RuntimeException tooLarge(long length, long limit, String path) {
    return new HttpException.RuntimeException(413, "the body is " + (length < 0 ? "over " + limit : length)
        + " bytes; the limit is " + limit + " bytes for " + path);
  }
}
