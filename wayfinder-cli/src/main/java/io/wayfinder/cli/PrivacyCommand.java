package io.wayfinder.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "privacy", mixinStandardHelpOptions = true, description = "Subject access exports and erasure (docs/privacy.md).",
    subcommands = {PrivacyCommand.Export.class, PrivacyCommand.Erase.class})
final class PrivacyCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Everything held about one customer as one JSON document (GDPR art. 15/20).")
  static final class Export implements Runnable {
    @Mixin TargetOptions target;
    @Parameters(index = "0", description = "The customer's identifier.") String id;
    @Option(names = "--subject-type", defaultValue = "USER_ID", description = "USER_ID, ANONYMOUS_ID or EMAIL (default ${DEFAULT-VALUE}).")
    String subjectType;
    @Option(names = "--out", description = "Write to this file instead of standard output.") Path out;

    @Override
    public void run() {
      try (Backend b = target.open()) {
        String json = Json.pretty(b.subjectExport(subjectType, id));
        if (out == null) {
          System.out.println(json);
        } else {
          Files.writeString(out, json + "\n");
          System.out.println("wrote " + out);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Command(name = "erase", mixinStandardHelpOptions = true,
      description = "Erases and/or suppresses customers (a regulation) and prints its audit record.")
  static final class Erase implements Runnable {
    @Mixin TargetOptions target;
    @Parameters(arity = "1..*", description = "The customers' identifiers.") List<String> ids;
    @Option(names = "--type", defaultValue = "SUPPRESS_WITH_DELETE",
        description = "DELETE_ONLY, SUPPRESS_ONLY or SUPPRESS_WITH_DELETE (default ${DEFAULT-VALUE}).") String type;
    @Option(names = "--subject-type", defaultValue = "USER_ID", description = "USER_ID, ANONYMOUS_ID or EMAIL (default ${DEFAULT-VALUE}).")
    String subjectType;

    @Override
    public void run() {
      try (Backend b = target.open()) {
        System.out.println(Json.pretty(b.regulate(type, subjectType, ids)));
      }
    }
  }
}
