package io.wayfinder.store.collect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** JSON text for the JSON columns of the store. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  static String write(Object value) {
    if (value == null) return null;
    if (value instanceof Map<?, ?> m && m.isEmpty()) return null;
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("value cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  private Json() {}
}
