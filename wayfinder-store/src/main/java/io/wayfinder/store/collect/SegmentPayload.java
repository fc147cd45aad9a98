package io.wayfinder.store.collect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wayfinder.core.collect.InvalidMessageException;
import io.wayfinder.core.collect.Violation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a collection request, read but not yet validated: the messages (with their size
 * in bytes), the write key if the body carries one, and the batch-level context and sentAt.
 */
public record SegmentPayload(
    List<ObjectNode> messages, int[] sizes, String writeKey, ObjectNode batchContext, JsonNode batchSentAt) {

  public static final int MAX_MESSAGE_BYTES = 32 * 1024;
  public static final int MAX_BATCH_BYTES = 500 * 1024;

  /** Reads a single-message body ({@code /v1/track} etc.). */
  public static SegmentPayload single(byte[] body) {
    checkSize(body.length, MAX_MESSAGE_BYTES, "message");
    checkUtf8(body);
    JsonNode root = parse(body);
    if (!(root instanceof ObjectNode o)) throw invalid("", "the body must be a JSON object");
    return new SegmentPayload(List.of(o), new int[] {body.length}, text(o.get("writeKey")), null, null);
  }

  /** Reads a batch body ({@code /v1/batch}, {@code /v1/import}): {@code {"batch":[...], ...}}. */
  public static SegmentPayload batch(byte[] body) {
    checkSize(body.length, MAX_BATCH_BYTES, "batch");
    checkUtf8(body);
    List<ObjectNode> messages = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    String writeKey = null;
    ObjectNode context = null;
    JsonNode sentAt = null;
    boolean sawBatch = false;
    try (JsonParser p = strictParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw invalid("", "the body must be a JSON object");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        switch (field) {
          case "batch" -> {
            if (t != JsonToken.START_ARRAY) throw invalid("batch", "must be an array of messages");
            sawBatch = true;
            while (p.nextToken() != JsonToken.END_ARRAY) {
              long start = p.currentTokenLocation().getByteOffset();
              JsonNode m = p.readValueAsTree();
              long end = p.currentLocation().getByteOffset();
              if (!(m instanceof ObjectNode o)) {
                throw new InvalidMessageException(400, new Violation(messages.size(), "batch[" + messages.size() + "]",
                    "each batch element must be a JSON object"));
              }
              messages.add(o);
              sizes.add((int) (end - start));
            }
          }
          case "writeKey" -> writeKey = t == JsonToken.VALUE_STRING ? p.getText() : null;
          case "context" -> {
            JsonNode c = p.readValueAsTree();
            if (!(c instanceof ObjectNode o)) throw invalid("context", "must be an object");
            context = o;
          }
          case "sentAt" -> sentAt = p.readValueAsTree();
          default -> p.skipChildren();
        }
      }
      if (p.nextToken() != null) throw invalid("", "unexpected content after the JSON object");
    } catch (InvalidMessageException e) {
      throw e;
    } catch (JsonProcessingException e) {
      throw invalid("", "malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw invalid("", "unreadable body: " + e.getMessage());
    }
    if (!sawBatch) throw invalid("batch", "is required: an array of messages");
    int[] s = sizes.stream().mapToInt(Integer::intValue).toArray();
    return new SegmentPayload(List.copyOf(messages), s, writeKey, context, sentAt);
  }

  private static JsonNode parse(byte[] body) {
    try (JsonParser p = strictParser(body)) {
      JsonNode root = p.readValueAsTree();
      if (root == null) throw invalid("", "the body is empty");
      if (p.nextToken() != null) throw invalid("", "unexpected content after the JSON object");
      return root;
    } catch (JsonProcessingException e) {
      throw invalid("", "malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw invalid("", "unreadable body: " + e.getMessage());
    }
  }

  /**
   * A parser that refuses a key twice in one object (Segment's API does; otherwise the last would
   * silently win, or two {@code batch} arrays would both be stored).
   */
  private static JsonParser strictParser(byte[] body) throws IOException {
    return Json.MAPPER.createParser(body).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }

  /**
   * Jackson would read UTF-16 and UTF-32 too, detected from a byte-order mark or zero bytes; the
   * API takes UTF-8 only (JSON text has no zero byte in UTF-8).
   */
  private static void checkUtf8(byte[] body) {
    boolean bom16 = body.length >= 2 && ((body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF
        || (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE);
    for (int i = 0; i < Math.min(4, body.length); i++) {
      if (body[i] == 0) bom16 = true;
    }
    if (bom16) throw invalid("", "the body must be UTF-8 JSON; it looks like UTF-16 or UTF-32");
  }

  private static void checkSize(int bytes, int max, String what) {
    if (bytes > max) {
      throw new InvalidMessageException(413, new Violation(-1, null,
          "the " + what + " is " + bytes + " bytes; the limit is " + max + " bytes"));
    }
  }

  private static String text(JsonNode n) {
    return n != null && n.isTextual() ? n.asText() : null;
  }

  static InvalidMessageException invalid(String field, String detail) {
    return new InvalidMessageException(400, new Violation(-1, field.isEmpty() ? null : field, detail));
  }
}
