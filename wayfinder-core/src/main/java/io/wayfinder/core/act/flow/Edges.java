package io.wayfinder.core.act.flow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Edge maps in field order; unlike {@code Map.of} they keep a null target (a missing edge). */
final class Edges {
  private Edges() {}

  static Map<String, String> of(String... fieldsAndTargets) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < fieldsAndTargets.length; i += 2) {
      m.put(fieldsAndTargets[i], fieldsAndTargets[i + 1]);
    }
    return Collections.unmodifiableMap(m);
  }
}
