package io.wayfinder.store.journey;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wayfinder.core.event.Event;
import io.wayfinder.core.event.EventType;
import io.wayfinder.core.generate.GeneratedCustomer;
import io.wayfinder.core.generate.GeneratorConfig;
import io.wayfinder.core.generate.SyntheticDataGenerator;
import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.dataset.JourneyDatasetBuilder;
import io.wayfinder.store.Database;
import io.wayfinder.store.collect.EventWriter;
import io.wayfinder.store.imports.ImportSpec;
import io.wayfinder.store.imports.Importer;
import io.wayfinder.store.sources.SourceStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generated customers imported into a store as Segment JSON Lines (track, page and screen
 * messages under each customer's user id), and the same events built in-process.
 */
final class GeneratedStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  final JourneyDataset inProcess;

  GeneratedStore(Database db, Path dir, int customers, long seed) throws IOException {
    SyntheticDataGenerator g = new SyntheticDataGenerator(new GeneratorConfig(customers, seed));
    JourneyDatasetBuilder b = new JourneyDatasetBuilder();
    Path file = dir.resolve("events.jsonl");
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      for (int i = 0; i < customers; i++) {
        GeneratedCustomer c = g.customer(i);
        for (Event e : c.events()) {
          if (e.type() != EventType.TRACK && e.type() != EventType.PAGE && e.type() != EventType.SCREEN) continue;
          ObjectNode m = JSON.createObjectNode();
          m.put("type", e.type().name().toLowerCase());
          m.put(e.type() == EventType.TRACK ? "event" : "name", e.name());
          m.put("userId", c.userId());
          m.put("timestamp", e.timestamp().toString());
          m.set("properties", JSON.valueToTree(e.properties()));
          m.putObject("context").put("channel", e.channel());
          w.write(JSON.writeValueAsString(m));
          w.newLine();
          b.add(c.userId(), e);
        }
      }
    }
    inProcess = b.build();
    try (EventWriter writer = new EventWriter(db)) {
      ImportSpec spec = new ImportSpec(null, ImportSpec.defaults().mapping(), null, "generated", "web", false, null);
      new Importer(writer, new SourceStore(db)).run(file, spec, n -> {});
    }
  }
}
