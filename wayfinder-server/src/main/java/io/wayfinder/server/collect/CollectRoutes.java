package io.wayfinder.server.collect;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.wayfinder.core.collect.CollectedMessage;
import io.wayfinder.core.collect.Source;
import io.wayfinder.core.event.EventType;
import io.wayfinder.server.auth.Credentials;
import io.wayfinder.server.ops.ServerMetrics;
import io.wayfinder.server.problem.ApiException;
import io.wayfinder.store.collect.EventWriter;
import io.wayfinder.store.collect.SegmentMessages;
import io.wayfinder.store.collect.SegmentPayload;
import io.wayfinder.store.sources.SourceStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The Segment-compatible collection API: {@code POST /v1/track|identify|page|screen|group|alias}
 * for one message, {@code /v1/batch} and {@code /v1/import} for many. A 200 means committed.
 */
public final class CollectRoutes {
  private static final Map<String, Boolean> OK = Map.of("success", true);

  private final SourceStore sources;
  private final EventWriter writer;
  private final ServerMetrics metrics;

  public CollectRoutes(SourceStore sources, EventWriter writer, ServerMetrics metrics) {
    this.sources = sources;
    this.writer = writer;
    this.metrics = metrics;
  }

  public void register(JavalinConfig config) {
    for (EventType type : EventType.values()) {
      config.routes.post("/v1/" + type.wireName(), ctx -> collect(ctx, type));
    }
    config.routes.post("/v1/batch", ctx -> collect(ctx, null));
    config.routes.post("/v1/import", ctx -> collect(ctx, null));
  }

  private void collect(Context ctx, EventType impliedType) {
    Instant receivedAt = Instant.now();
    checkContentType(ctx.header("Content-Type"));
    String headerKey = Credentials.basicUser(ctx);
    if (headerKey != null && sources.byWriteKey(headerKey).isEmpty()) throw unknownKey();
    byte[] body = ctx.bodyAsBytes();
    SegmentPayload payload = impliedType == null ? SegmentPayload.batch(body) : SegmentPayload.single(body);
    String key = headerKey != null ? headerKey : payload.writeKey();
    if (key == null) {
      throw ApiException.unauthorized("a write key is required: HTTP Basic auth with the key as user name, or \"writeKey\" in the body");
    }
    Source source = sources.byWriteKey(key).orElseThrow(CollectRoutes::unknownKey);
    List<CollectedMessage> messages = SegmentMessages.convert(payload, impliedType, source, receivedAt);
    ctx.future(() -> writer.submit(messages).thenAccept(r -> {
      metrics.accepted(r.written(), r.duplicates(), messages.size());
      ctx.json(OK);
    }));
  }

  /**
   * JSON in UTF-8, as Segment's API takes it: {@code application/json} (the Segment Java and Node
   * libraries send it, the Java one with {@code charset=UTF-8}), or {@code text/plain}, which is
   * what a browser's {@code navigator.sendBeacon} sends a string as. A charset, if named, must be UTF-8.
   */
  static void checkContentType(String header) {
    String[] parts = header == null ? new String[] {""} : header.split(";");
    String type = parts[0].strip().toLowerCase(java.util.Locale.ROOT);
    if (!type.equals("application/json") && !type.equals("text/plain")) {
      throw new ApiException(415, "Content-Type: expected application/json, got " + (header == null ? "none" : "'" + header + "'"));
    }
    for (int i = 1; i < parts.length; i++) {
      String[] kv = parts[i].split("=", 2);
      if (kv[0].strip().equalsIgnoreCase("charset") && kv.length == 2
          && !kv[1].strip().replace("\"", "").equalsIgnoreCase("utf-8")) {
        throw new ApiException(415, "Content-Type: the body must be UTF-8, got charset " + kv[1].strip());
      }
    }
  }

  private static ApiException unknownKey() {
    return ApiException.unauthorized("unknown write key");
  }
}
