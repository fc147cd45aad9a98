package io.wayfinder.server.voc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wayfinder.core.event.Event;
import io.wayfinder.core.generate.GenerationSummary;
import io.wayfinder.core.generate.GeneratorConfig;
import io.wayfinder.core.generate.SyntheticDataGenerator;
import io.wayfinder.server.JsonSupport;
import io.wayfinder.server.WayfinderServer;
import io.wayfinder.store.imports.ImportSpec;
import io.wayfinder.store.imports.Importer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Generates demo customers and imports them the way {@code serve --demo} does (JSON Lines through the Importer). */
public final class GeneratedData {
  private GeneratedData() {}

  static long load(WayfinderServer server, int customers, long seed, Path dir) {
    return loadWithSummary(server, customers, seed, dir).imported();
  }

  /** What was generated and how many events were imported. */
  public record Loaded(long imported, GenerationSummary summary) {}

  public static Loaded loadWithSummary(WayfinderServer server, int customers, long seed, Path dir) {
    Path file = dir.resolve("generated.jsonl");
    GenerationSummary summary;
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      summary = new SyntheticDataGenerator(new GeneratorConfig(customers, seed)).generate(e -> {
        try {
          out.write(JsonSupport.MAPPER.writeValueAsString(segment(e)));
          out.write('\n');
        } catch (IOException x) {
          throw new UncheckedIOException(x);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ImportSpec spec = ImportSpec.defaults().withSource("demo", "web");
    return new Loaded(new Importer(server.writer(), server.sources()).run(file, spec, n -> {}).imported(), summary);
  }

  private static ObjectNode segment(Event e) {
    ObjectNode n = JsonSupport.MAPPER.createObjectNode();
    n.put("type", e.type().wireName());
    switch (e.type()) {
      case TRACK -> n.put("event", e.name());
      case PAGE, SCREEN -> n.put("name", e.name());
      default -> { }
    }
    n.put("messageId", e.messageId());
    if (e.userId() != null) n.put("userId", e.userId());
    if (e.anonymousId() != null) n.put("anonymousId", e.anonymousId());
    n.put("timestamp", e.timestamp().toString());
    switch (e.type()) {
      case ALIAS -> n.put("previousId", (String) e.properties().get("previousId"));
      case IDENTIFY -> n.set("traits", JsonSupport.MAPPER.valueToTree(e.properties()));
      default -> n.set("properties", JsonSupport.MAPPER.valueToTree(e.properties()));
    }
    n.set("context", JsonSupport.MAPPER.valueToTree(e.context()));
    return n;
  }
}
