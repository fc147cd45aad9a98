package io.wayfinder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.core.journey.definition.JourneyDefinition;
import io.wayfinder.store.journey.DefinitionFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "journeys", mixinStandardHelpOptions = true,
    description = "Journey definitions, maps and pain points.",
    subcommands = {JourneysCommand.Load.class, JourneysCommand.ListJourneys.class, JourneysCommand.Map.class,
        JourneysCommand.PainPoints.class})
final class JourneysCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(name = "load", mixinStandardHelpOptions = true,
      description = "Load journey definitions from a YAML or JSON file (one, a list, or {journeys: [...]}); replaces those with the same id.")
  static final class Load implements Runnable {
    @Mixin TargetOptions target;
    @Parameters(index = "0", description = "Definitions file (.yaml, .yml or .json).") Path file;

    @Override
    public void run() {
      if (!Files.isReadable(file)) throw new CliException(file + ": no such file");
      List<JourneyDefinition> defs = DefinitionFiles.read(file);
      try (Backend b = target.openCreating()) {
        for (JourneyDefinition d : defs) {
          b.saveJourney(Json.MAPPER.valueToTree(d));
          System.out.printf("loaded %s (%s): %s%n", d.id(), d.name(), String.join(" → ", d.stageNames()));
        }
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "The journey definitions.")
  static final class ListJourneys implements Runnable {
    @Mixin TargetOptions target;
    @Option(names = "--json", description = "Print JSON.") boolean json;

    @Override
    public void run() {
      try (Backend b = target.open()) {
        JsonNode list = b.journeys();
        if (json) {
          System.out.println(Json.pretty(list));
          return;
        }
        for (JsonNode j : list.path("journeys")) {
          StringBuilder stages = new StringBuilder();
          j.path("stages").forEach(s -> stages.append(stages.length() == 0 ? "" : " → ").append(s.path("name").asText()));
          System.out.printf("%-16s %-24s owner %-18s %s → %s (abandon after %s)  %s%n", j.path("id").asText(),
              j.path("name").asText(), j.path("owner").asText("-"), j.path("entryEvent").asText(),
              j.path("goalEvent").asText(), j.path("abandonAfter").asText(), stages);
        }
      }
    }
  }

  @Command(name = "map", mixinStandardHelpOptions = true,
      description = "A journey's map: stages with volumes, conversion, time and KPIs, and its touchpoint graph.")
  static final class Map implements Runnable {
    @Mixin TargetOptions target;
    @Parameters(index = "0", description = "Journey id.") String id;
    @Option(names = "--format", defaultValue = "json", description = "json, dot or svg (default ${DEFAULT-VALUE}).") String format;
    @Option(names = "--out", description = "Write to this file instead of standard output.") Path out;

    @Override
    public void run() {
      if (!List.of("json", "dot", "svg").contains(format)) throw new CliException("--format: expected json, dot or svg");
      try (Backend b = target.open()) {
        String text = b.journeyMap(id, format);
        // a server sends compact JSON: print it indented, as the local data directory does
        if (format.equals("json")) {
          try {
            text = Json.pretty(Json.MAPPER.readTree(text));
          } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CliException("the journey map is not JSON: " + e.getOriginalMessage());
          }
        }
        if (out == null) {
          System.out.print(text.endsWith("\n") ? text : text + "\n");
          return;
        }
        try {
          Files.writeString(out, text);
        } catch (IOException e) {
          throw new CliException("cannot write " + out + ": " + e.getMessage());
        }
        System.out.println("wrote " + out);
      }
    }
  }

  @Command(name = "painpoints", mixinStandardHelpOptions = true, description = "Pain points, ranked by value at stake.")
  static final class PainPoints implements Runnable {
    @Mixin TargetOptions target;
    @Option(names = "--journey", description = "Only this journey.") String journey;
    @Option(names = "--top", defaultValue = "10", description = "How many (default ${DEFAULT-VALUE}).") int top;
    @Option(names = "--json", description = "Print JSON.") boolean json;

    @Override
    public void run() {
      try (Backend b = target.open()) {
        JsonNode list = b.painPoints(journey);
        if (json) {
          System.out.println(Json.pretty(list));
          return;
        }
        int n = 0;
        for (JsonNode p : list.path("painPoints")) {
          if (n++ >= top) break;
          System.out.printf("%2d %-15s %-15s %-10s %-45s %,6d customers  value %,12.0f  %s%n", p.path("rank").asInt(),
              p.path("kind").asText(), p.path("journey").asText(), p.path("stage").asText("-"), p.path("step").asText(),
              p.path("affectedCustomers").asInt(), p.path("valueAtStake").asDouble(), p.path("summary").asText());
        }
      }
    }
  }
}
