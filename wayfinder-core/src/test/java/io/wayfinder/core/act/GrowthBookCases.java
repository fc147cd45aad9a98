package io.wayfinder.core.act;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wayfinder.core.eventlog.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The GrowthBook SDK test suite, read from shared/reference/growthbook/sdk-cases.json at test time. */
public final class GrowthBookCases {
  private GrowthBookCases() {}

  /** The cases of one section, e.g. "evalCondition" or "hash": each an array [name?, input…, expected]. */
  public static JsonNode section(String name) {
    try {
      JsonNode all = new ObjectMapper().readTree(SharedData.reference("growthbook/sdk-cases.json").toFile());
      JsonNode cases = all.get(name);
      if (cases == null || !cases.isArray() || cases.isEmpty()) {
        throw new IllegalStateException("no " + name + " cases in sdk-cases.json");
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
