package io.wayfinder.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wayfinder.core.eventlog.ColumnMapping;
import io.wayfinder.core.eventlog.EventLogReader;
import io.wayfinder.core.eventlog.EventLogReaders;
import io.wayfinder.core.eventlog.Timestamps;
import io.wayfinder.core.journey.discovery.ActivityClassifier;
import io.wayfinder.core.journey.discovery.DiscoveryEngine;
import io.wayfinder.core.journey.discovery.DiscoveryQuery;
import io.wayfinder.core.journey.discovery.DiscoveryResult;
import io.wayfinder.core.journey.discovery.FunnelResult;
import io.wayfinder.core.journey.index.JourneyIndex;
import io.wayfinder.core.journey.index.JourneyIndexBuilder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wayfinder discover FILE}: process discovery over an XES or CSV event log, no server needed. */
@Command(
    name = "discover",
    mixinStandardHelpOptions = true,
    description = "Discover journeys in an event log file (.xes, .xes.gz, .csv, .csv.gz): directly-follows"
        + " graph, start/end activities, variants, case durations, self-loops and rework, and an optional funnel.")
final class DiscoverCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "the event log")
  Path file;

  @Option(names = "--json", description = "print JSON (fields as in shared/data/eventlogs/*.expected.json)")
  boolean json;

  @Option(names = "--funnel", paramLabel = "A,B,C", split = ",", description = "funnel steps, comma-separated activities")
  List<String> funnel;

  @Option(names = "--case", paramLabel = "COL", description = "CSV case column (default ${DEFAULT-VALUE})",
      defaultValue = "case:concept:name")
  String caseColumn;

  @Option(names = "--activity", paramLabel = "COL", description = "activity column / attribute (default ${DEFAULT-VALUE})",
      defaultValue = "concept:name")
  String activityColumn;

  @Option(names = "--timestamp", paramLabel = "COL", description = "timestamp column / attribute (default ${DEFAULT-VALUE})",
      defaultValue = "time:timestamp")
  String timestampColumn;

  @Option(names = "--classifier", paramLabel = "name|name+lifecycle", defaultValue = "name",
      description = "what makes an activity: the event name (default) or name and lifecycle transition")
  String classifier;

  @Option(names = "--from", paramLabel = "TIME", converter = TimeConverter.class,
      description = "only events at or after this ISO-8601 time (no offset: UTC), e.g. 2011-01-01")
  Instant from;

  @Option(names = "--to", paramLabel = "TIME", converter = TimeConverter.class,
      description = "only events before this ISO-8601 time (no offset: UTC)")
  Instant to;

  @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "variants to list (default ${DEFAULT-VALUE})")
  int top;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ColumnMapping mapping = ColumnMapping.of(caseColumn, activityColumn, timestampColumn);
    DiscoveryQuery query;
    try {
      query = DiscoveryQuery.ALL.classifiedBy(ActivityClassifier.fromLabel(classifier)).during(from, to);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
    JourneyIndex index;
    try (EventLogReader events = EventLogReaders.open(file, mapping)) {
      index = JourneyIndexBuilder.of(events);
    }
    DiscoveryEngine engine = new DiscoveryEngine(index);
    DiscoveryResult result = engine.discover(query);
    FunnelResult funnelResult = funnel == null ? null : engine.funnel(query, funnel.stream().map(String::strip).toList());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode node = DiscoveryJson.of(file.getFileName().toString(), query, result, top, funnelResult);
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node));
    } else {
      DiscoverySummary.print(out, file.getFileName().toString(), result, top, funnelResult);
    }
    out.flush();
    return 0;
  }

  /** Times on the command line are read like those in event logs. */
  static final class TimeConverter implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return Timestamps.parse(value, ZoneOffset.UTC);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
