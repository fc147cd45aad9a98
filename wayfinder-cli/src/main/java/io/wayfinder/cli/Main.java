package io.wayfinder.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code wayfinder} command. Each subcommand lives in its own class in this package. */
@Command(
    name = "wayfinder",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Wayfinder: collect, understand, measure, predict and act on customer journeys.",
    subcommands = {
      CommandLine.HelpCommand.class,
      ServeCommand.class,
      ImportCommand.class,
      FeedbackCommand.class,
      SourcesCommand.class,
      FlowsCommand.class,
      ProfilesCommand.class,
      PrivacyCommand.class,
      StatsCommand.class,
      GenerateCommand.class,
      SentimentCommand.class,
      DiscoverCommand.class,
      ClvCommand.class,
      JourneysCommand.class,
      FunnelCommand.class,
      RetentionCommand.class,
      ChurnCommand.class,
      ThemesCommand.class,
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and tests. */
  public static CommandLine commandLine() {
    return commandLine(System.getenv());
  }

  /** The command line as configured by the environment {@code env}. */
  static CommandLine commandLine(Map<String, String> env) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(new CliErrors(env));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setDefaultValueProvider(new ConfigDefaults(env));
    return cl;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"wayfinder " + (v == null ? "dev" : v)};
    }
  }
}
