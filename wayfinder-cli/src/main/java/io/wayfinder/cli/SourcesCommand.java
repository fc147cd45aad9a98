package io.wayfinder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sources", mixinStandardHelpOptions = true,
    description = "List sources or create one; a source's write key authenticates the collection API.",
    subcommands = {SourcesCommand.ListSources.class, SourcesCommand.CreateSource.class, SourcesCommand.NewSecret.class})
final class SourcesCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List sources with their channel and write key.")
  static final class ListSources implements Runnable {
    @Mixin TargetOptions target;
    @Option(names = "--json", description = "Print JSON.") boolean json;

    @Override
    public void run() {
      try (Backend b = target.open()) {
        JsonNode list = b.sources();
        if (json) {
          System.out.println(Json.pretty(list));
          return;
        }
        System.out.printf("%-24s %-12s %s%n", "NAME", "CHANNEL", "WRITE KEY");
        for (JsonNode s : list) {
          System.out.printf("%-24s %-12s %s%n", s.path("name").asText(), s.path("channel").asText(), s.path("writeKey").asText());
        }
      }
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a source and print its write key.")
  static final class CreateSource implements Runnable {
    @Mixin TargetOptions target;
    @Parameters(index = "0", description = "Source name, e.g. website.") String name;
    @Option(names = "--channel", required = true, description = "Channel of its events: web, app, store, call_centre, email, partner, review, ...")
    String channel;

    @Override
    public void run() {
      try (Backend b = target.openCreating()) {
        System.out.println(Json.pretty(b.createSource(name, channel)));
      }
    }
  }

  @Command(name = "secret", mixinStandardHelpOptions = true,
      description = {"Make a new signing secret for a source and print it (shown only now; it replaces any earlier one).",
          "The site's backend signs widget customer tokens with it: see docs/voc.md, Identity verification."})
  static final class NewSecret implements Runnable {
    @Mixin TargetOptions target;
    @Parameters(index = "0", description = "Source name or id, e.g. website.") String source;

    @Override
    public void run() {
      try (Backend b = target.open()) {
        System.out.println(Json.pretty(b.newSigningSecret(source)));
      }
    }
  }
}
