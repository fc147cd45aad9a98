package io.wayfinder.store.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wayfinder.core.collect.CollectedMessage;
import io.wayfinder.core.collect.InvalidMessageException;
import io.wayfinder.core.collect.Source;
import io.wayfinder.core.collect.Violation;
import io.wayfinder.core.event.Event;
import io.wayfinder.core.event.EventTimeRange;
import io.wayfinder.core.event.EventType;
import io.wayfinder.core.identity.Identity;
import io.wayfinder.core.identity.IdentityClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Validates Segment-spec messages and turns them into {@link CollectedMessage}s. The whole
 * payload is checked before anything is stored: one bad message rejects its batch, naming the
 * message's index and the field.
 */
public final class SegmentMessages {
  /** Longest accepted key in properties, traits and context, and longest id. */
  public static final int MAX_KEY_LENGTH = 255;
  public static final int MAX_ID_LENGTH = 512;
  private static final Set<String> TECHNICAL_CHANNELS = Set.of("server", "browser", "mobile", "client");

  private SegmentMessages() {}

  /**
   * Converts a payload. {@code impliedType} is the type of a single-message endpoint
   * ({@code /v1/track}); null for a batch, where each message names its own type.
   */
  public static List<CollectedMessage> convert(SegmentPayload payload, EventType impliedType, Source source, Instant receivedAt) {
    List<CollectedMessage> out = new ArrayList<>(payload.messages().size());
    List<Violation> violations = new ArrayList<>();
    Instant batchSentAt = null;
    if (payload.batchSentAt() != null && !payload.batchSentAt().isNull()) {
      batchSentAt = Timestamps.parse(payload.batchSentAt(), "sentAt", -1);
    }
    for (int i = 0; i < payload.messages().size(); i++) {
      if (payload.sizes()[i] > SegmentPayload.MAX_MESSAGE_BYTES) {
        throw new InvalidMessageException(413, new Violation(i, null, "message " + i + " is " + payload.sizes()[i]
            + " bytes; the limit is " + SegmentPayload.MAX_MESSAGE_BYTES + " bytes"));
      }
      try {
        out.add(convert(payload.messages().get(i), impliedType, source, receivedAt, payload.batchContext(), batchSentAt, i));
      } catch (InvalidMessageException e) {
        violations.addAll(e.violations());
        if (violations.size() >= 20) break;
      }
    }
    if (!violations.isEmpty()) {
      Violation first = violations.get(0);
      String title = payload.messages().size() > 1 || impliedType == null
          ? "message " + first.index() + " is invalid: " + first.describe() + "; the batch was rejected whole"
          : first.describe();
      throw new InvalidMessageException(400, title, violations);
    }
    return out;
  }

  /** Converts one message that names its own type (a line of a JSON Lines import). */
  public static CollectedMessage convertOne(ObjectNode m, Source source, Instant receivedAt, int index) {
    return convert(m, null, source, receivedAt, null, null, index);
  }

  static CollectedMessage convert(ObjectNode m, EventType impliedType, Source source, Instant receivedAt,
      ObjectNode batchContext, Instant batchSentAt, int index) {
    Fields f = new Fields(m, index);
    EventType type = impliedType;
    if (type == null) {
      String t = f.string("type", true);
      type = EventType.fromWire(t).orElseThrow(() -> f.bad("type",
          "unknown type '" + t + "'; expected one of track, identify, page, screen, group, alias"));
    }
    String userId = f.id("userId");
    String anonymousId = f.id("anonymousId");
    String previousId = null;
    if (type == EventType.ALIAS) {
      previousId = f.id("previousId");
      if (previousId == null) throw f.bad("previousId", "is required on alias");
      if (userId == null) throw f.bad("userId", "is required on alias");
    } else if (userId == null && anonymousId == null) {
      throw f.bad("userId", "userId or anonymousId is required");
    }
    String name = switch (type) {
      case TRACK -> f.string("event", true);
      case PAGE, SCREEN -> f.string("name", false);
      default -> null;
    };
    ObjectNode properties = f.object("properties");
    ObjectNode traits = f.object("traits");
    ObjectNode context = mergeContext(batchContext, f.object("context"));
    String groupId = type == EventType.GROUP ? f.id("groupId") : null;
    if (type == EventType.GROUP && groupId == null) throw f.bad("groupId", "is required on group");
    Keys.check(properties, "properties", f);
    Keys.check(traits, "traits", f);
    Keys.check(context, "context", f);

    Instant timestamp = correctedTimestamp(f, receivedAt, batchSentAt);
    String messageId = f.id("messageId");
    if (messageId == null) messageId = UUID.randomUUID().toString();

    Map<String, Object> props = properties == null ? new LinkedHashMap<>() : Keys.toMap(properties);
    if (type == EventType.GROUP) {
      props.put("groupId", groupId);
      if (traits != null) props.put("groupTraits", Keys.toMap(traits));
    }
    Map<String, Object> ctx = context == null ? Map.of() : Keys.toMap(context);
    String channel = channel(properties, context, source);
    String touchpoint = textOf(properties, "touchpoint");
    if (touchpoint == null) touchpoint = name;

    Map<String, Object> profileTraits = type == EventType.IDENTIFY && traits != null ? Keys.toMap(traits) : Map.of();
    Event event = new Event(0, messageId, type, name, 0, anonymousId, userId, channel, touchpoint, timestamp,
        receivedAt, props, ctx, source == null ? null : source.name());
    // The validated JSON text is kept so the writer need not serialise the maps again.
    String propertiesJson = type == EventType.GROUP || properties == null || properties.isEmpty() ? null : properties.toString();
    String contextJson = context == null || context.isEmpty() ? null : context.toString();
    return new CollectedMessage(event, claims(userId, anonymousId, previousId, traits, context), profileTraits,
        Consent.from(traits, context), propertiesJson, contextJson);
  }

  private static IdentityClaims claims(String userId, String anonymousId, String previousId, ObjectNode traits, ObjectNode context) {
    List<Identity> others = new ArrayList<>();
    String email = textOf(traits, "email");
    if (email != null && email.contains("@")) others.add(Identity.email(email));
    JsonNode ext = context == null ? null : context.get("externalIds");
    if (ext != null && ext.isArray()) {
      for (JsonNode x : ext) {
        String id = textOf(x, "id");
        String type = textOf(x, "type");
        if (id != null && type != null) others.add(new Identity(type, id));
      }
    }
    return new IdentityClaims(userId, anonymousId, previousId, others);
  }

  private static Instant correctedTimestamp(Fields f, Instant receivedAt, Instant batchSentAt) {
    String field = "timestamp";
    Instant original = f.timestamp(field);
    if (original == null) original = f.timestamp(field = "originalTimestamp");
    Instant sentAt = f.timestamp("sentAt");
    if (sentAt == null) sentAt = batchSentAt;
    if (original == null) return receivedAt;
    // Segment's clock-skew correction: trust our clock, keep the client's offsets.
    Instant stored = sentAt == null ? original : receivedAt.minus(Duration.between(original, sentAt));
    // The client's readings may be off (that is what sentAt corrects); what is stored must be in range.
    if (!EventTimeRange.contains(stored, receivedAt)) {
      throw f.bad(field, sentAt == null
          ? "'" + original + "' is out of range: stored timestamps are " + EventTimeRange.describe(receivedAt)
          : "corrected for clock skew it is " + stored + ", out of range (" + EventTimeRange.describe(receivedAt) + "): received "
              + receivedAt + " - (sentAt " + sentAt + " - " + field + " " + original + ")");
    }
    return stored;
  }

  private static ObjectNode mergeContext(ObjectNode batch, ObjectNode message) {
    if (batch == null) return message;
    if (message == null) return batch;
    ObjectNode merged = batch.deepCopy();
    for (Iterator<Map.Entry<String, JsonNode>> it = message.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      merged.set(e.getKey(), e.getValue());
    }
    return merged;
  }

  private static String channel(ObjectNode properties, ObjectNode context, Source source) {
    String c = textOf(properties, "channel");
    if (c == null) c = textOf(context, "channel");
    if (c != null && !TECHNICAL_CHANNELS.contains(c)) return c;
    return source == null ? null : source.channel();
  }

  static String textOf(JsonNode o, String field) {
    if (o == null) return null;
    JsonNode n = o.get(field);
    return n != null && n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
  }
}
