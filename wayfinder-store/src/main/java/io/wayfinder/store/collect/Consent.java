package io.wayfinder.store.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Consent categories a message grants or withdraws: {@code traits.consent} ({@code {"email": true}})
 * and Segment's {@code context.consent.categoryPreferences}.
 */
final class Consent {
  static Map<String, Boolean> from(ObjectNode traits, ObjectNode context) {
    Map<String, Boolean> out = new LinkedHashMap<>();
    read(traits == null ? null : traits.get("consent"), out);
    JsonNode c = context == null ? null : context.get("consent");
    read(c == null ? null : c.get("categoryPreferences"), out);
    return out;
  }

  private static void read(JsonNode node, Map<String, Boolean> out) {
    if (node == null || !node.isObject()) return;
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isBoolean()) out.put(e.getKey(), e.getValue().booleanValue());
    }
  }

  private Consent() {}
}
