package io.wayfinder.store.journey;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.wayfinder.core.generate.JourneyCatalog;
import io.wayfinder.core.journey.definition.CatalogDefinitions;
import io.wayfinder.core.journey.definition.JourneyDefinition;
import io.wayfinder.store.json.JsonInputErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes journey definitions as JSON or YAML. A file holds one definition, a list of
 * them, or {@code {"journeys": [...]}}; the generator's journey catalog
 * ({@code *.journeys.json}, stages with {@code events}) is read too.
 */
public final class DefinitionFiles {
  static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private DefinitionFiles() {}

  /** The definitions in a {@code .yaml}/{@code .yml} or JSON file. */
  public static List<JourneyDefinition> read(Path file) {
    String name = file.getFileName().toString().toLowerCase();
    ObjectMapper m = name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON;
    try {
      return fromTree(m.readTree(Files.readAllBytes(file)));
    } catch (JacksonException e) {
      throw new IllegalArgumentException(file + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read (" + e.getMessage() + ")");
    }
  }

  /** One definition from a JSON body; errors name the field. */
  public static JourneyDefinition parse(byte[] json) {
    try {
      JsonNode tree = JSON.readTree(json);
      if (tree == null || !tree.isObject()) throw new IllegalArgumentException("body: expected a journey definition object");
      return one(tree);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(JsonInputErrors.describe(e));
    } catch (IOException e) {
      throw new IllegalArgumentException("body: unreadable (" + e.getMessage() + ")");
    }
  }

  static List<JourneyDefinition> fromTree(JsonNode tree) {
    if (tree == null) throw new IllegalArgumentException("empty definitions file");
    JsonNode list = tree.isObject() && tree.has("journeys") ? tree.get("journeys") : tree;
    if (tree.isObject() && tree.has("journeys") && isCatalog(list)) {
      return CatalogDefinitions.of(convert(tree, JourneyCatalog.class));
    }
    List<JourneyDefinition> out = new ArrayList<>();
    if (list.isArray()) list.forEach(n -> out.add(one(n)));
    else out.add(one(list));
    return out;
  }

  private static boolean isCatalog(JsonNode list) {
    return list.isArray() && !list.isEmpty() && list.get(0).has("abandonAfterDays");
  }

  static JourneyDefinition one(JsonNode n) {
    return convert(n, JourneyDefinition.class);
  }

  private static <T> T convert(JsonNode n, Class<T> type) {
    try {
      return JSON.treeToValue(n, type);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(JsonInputErrors.describe(e));
    }
  }

  /** JSON text of a definition, as stored. */
  public static String json(JourneyDefinition d) {
    try {
      return JSON.writeValueAsString(d);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
