package io.wayfinder.store.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Checks and converts the free-form maps (properties, traits, context). */
final class Keys {
  /**
   * Checks keys, string values and numbers at every depth, in the one walk the maps get before they are
   * stored. (Jackson's parser already refuses a key with half a surrogate pair, not a value.)
   */
  static void check(JsonNode node, String path, Fields f) {
    if (node == null) return;
    if (node.isTextual()) {
      f.storable(path, node.textValue());
    } else if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
      // 1e400 reads as Infinity, which JSON cannot hold: it would be stored as the text "Infinity".
      throw f.bad(path, "is a number beyond the range of a double (about 1.8e308)");
    } else if (node.isObject()) {
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

  /** Converts a JSON object to plain Java values (String, Number, Boolean, null, Map, List) by walking the tree. */
  static Map<String, Object> toMap(ObjectNode node) {
    Map<String, Object> out = new LinkedHashMap<>(Math.max(4, node.size() * 2));
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), value(e.getValue()));
    }
    return out;
  }

  private static Object value(JsonNode n) {
    return switch (n.getNodeType()) {
      case STRING -> n.textValue();
      case NUMBER -> n.numberValue();
      case BOOLEAN -> n.booleanValue();
      case OBJECT -> toMap((ObjectNode) n);
      case ARRAY -> {
        java.util.List<Object> list = new java.util.ArrayList<>(n.size());
        for (JsonNode x : n) list.add(value(x));
        yield list;
      }
      default -> null;
    };
  }

  private Keys() {}
}
