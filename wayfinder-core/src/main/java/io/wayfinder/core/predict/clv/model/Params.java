package io.wayfinder.core.predict.clv.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parameter checks and maps shared by the models. */
final class Params {
  private Params() {}

  static void requirePositive(String model, String name, double v) {
    if (!(v > 0 && Double.isFinite(v))) {
      throw new IllegalArgumentException(model + " parameter " + name + " must be finite and > 0, got " + v);
    }
  }

  static Map<String, Double> map(List<String> names, double... values) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) m.put(names.get(i), values[i]);
    return Collections.unmodifiableMap(m);
  }
}
