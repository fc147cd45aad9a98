package io.wayfinder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "profiles", mixinStandardHelpOptions = true, description = "Look at customer profiles.",
    subcommands = {ProfilesCommand.Show.class, ProfilesCommand.ListProfiles.class})
final class ProfilesCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "One profile (by number, user id, anonymous id or e-mail) with identities, traits, consent and timeline, as JSON.")
  static final class Show implements Runnable {
    @Mixin TargetOptions target;
    @Parameters(index = "0", description = "Profile number, user id, anonymous id or e-mail.") String ref;
    @Option(names = "--timeline", defaultValue = "50", description = "Timeline events to show, newest first (default ${DEFAULT-VALUE}).")
    int timeline;

    @Override
    public void run() {
      try (Backend b = target.open()) {
        System.out.println(Json.pretty(b.profile(ref, timeline)));
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Profiles, most active first: number, user id (or anonymous id), e-mail, name and events.")
  static final class ListProfiles implements Runnable {
    @Mixin TargetOptions target;
    @Option(names = "--limit", defaultValue = "20", description = "How many (default ${DEFAULT-VALUE}).") int limit;

    @Override
    public void run() {
      try (Backend b = target.open()) {
        System.out.printf("%8s  %-38s  %-36s  %-24s  %s%n", "profile", "user id", "e-mail", "name", "events");
        for (JsonNode id : b.profiles(limit).path("profiles")) {
          JsonNode p = b.profile(id.asText(), 1);
          JsonNode traits = p.path("traits");
          System.out.printf("%8d  %-38s  %-36s  %-24s  %,d%n", id.asLong(), who(p), traits.path("email").asText("-"),
              traits.path("name").asText("-"), p.path("eventCount").asLong());
        }
      }
    }

    /** The user id, else the first anonymous id (a visitor who never logged in). */
    private static String who(JsonNode p) {
      if (p.hasNonNull("userId")) return p.get("userId").asText();
      for (JsonNode i : p.path("identities")) {
        if (i.path("kind").asText().equals("anonymous_id")) return "(anonymous) " + i.path("value").asText();
      }
      return "-";
    }
  }
}
