package io.wayfinder.store.journey;

import io.wayfinder.core.collect.Source;
import io.wayfinder.core.collect.WriteReceipt;
import io.wayfinder.store.collect.EventWriter;
import io.wayfinder.store.collect.SegmentMessages;
import io.wayfinder.store.collect.SegmentPayload;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Segment messages written through the store's real event writer, as the collection API writes them. */
final class Collect {
  private static final Source WEB = new Source("src_live", "live", "web", "wk_live", Instant.parse("2024-01-01T00:00:00Z"));
  private final EventWriter writer;

  Collect(EventWriter writer) {
    this.writer = writer;
  }

  /** Writes these messages (JSON objects) as one batch, committed when this returns. */
  WriteReceipt send(String... messages) {
    String body = "{\"batch\":[" + String.join(",", messages) + "]}";
    return writer.write(SegmentMessages.convert(SegmentPayload.batch(body.getBytes(StandardCharsets.UTF_8)), null, WEB, Instant.now()));
  }

  /** A track message of a known customer. */
  static String track(String userId, String event, String at, String properties) {
    return "{\"type\":\"track\",\"event\":\"" + event + "\",\"userId\":\"" + userId + "\",\"timestamp\":\"" + at
        + "\",\"properties\":" + properties + "}";
  }

  /** A track message of an anonymous visitor. */
  static String anonymous(String anonymousId, String event, String at) {
    return "{\"type\":\"track\",\"event\":\"" + event + "\",\"anonymousId\":\"" + anonymousId + "\",\"timestamp\":\"" + at + "\"}";
  }

  /** An identify message joining an anonymous id to a user id, with traits. */
  static String identify(String userId, String anonymousId, String at, String traits) {
    return "{\"type\":\"identify\",\"userId\":\"" + userId + "\"" + (anonymousId == null ? "" : ",\"anonymousId\":\"" + anonymousId + "\"")
        + ",\"timestamp\":\"" + at + "\",\"traits\":" + traits + "}";
  }
}
