package io.wayfinder.store.collect;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Checks and converts the free-form maps (properties, traits, context). */
final class Keys {
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  static void check(JsonNode node, String path, Fields f) {
    if (node == null) return;
    if (node.isObject()) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (key.length() > SegmentMessages.MAX_KEY_LENGTH) {
          throw f.bad(path, "has a key of " + key.length() + " characters ('" + key.substring(0, 20)
              + "...'); keys may have at most " + SegmentMessages.MAX_KEY_LENGTH);
        }
        if (key.isEmpty()) throw f.bad(path, "has an empty key");
        check(node.get(key), path + "." + key, f);
      }
    } else if (node.isArray()) {
      int i = 0;
      for (JsonNode x : node) check(x, path + "[" + i++ + "]", f);
    }
  }

  static Map<String, Object> toMap(ObjectNode node) {
    return Json.MAPPER.convertValue(node, MAP);
  }

  private Keys() {}
}
