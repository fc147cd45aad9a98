package io.wayfinder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "stats", mixinStandardHelpOptions = true, description = "Counts of events, profiles, sources, identities and merges.")
final class StatsCommand implements Callable<Integer> {
  @Mixin TargetOptions target;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    try (Backend b = target.open()) {
      JsonNode s = b.stats();
      if (json) {
        System.out.println(Json.pretty(s));
      } else {
        System.out.printf("events      %,d%nprofiles    %,d%nsources     %,d%nidentities  %,d%nmerges      %,d (refused %,d)%n",
            s.path("events").asLong(), s.path("profiles").asLong(), s.path("sources").asLong(),
            s.path("identities").asLong(), s.path("merges").asLong(), s.path("refusedMerges").asLong());
        System.out.printf("period      %s .. %s%n", s.path("firstEvent").asText("-"), s.path("lastEvent").asText("-"));
        s.path("eventsByChannel").fields().forEachRemaining(e ->
            System.out.printf("  %-12s %,d%n", e.getKey(), e.getValue().asLong()));
      }
    }
    return 0;
  }
}
