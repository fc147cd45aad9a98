package io.wayfinder.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code wayfinder themes …}: themes in what customers write. */
@Command(
    name = "themes",
    mixinStandardHelpOptions = true,
    description = "Finds themes in customer texts: learns labelled themes (evaluate) or discovers new ones (discover).",
    subcommands = {ThemesEvaluateCommand.class, ThemesDiscoverCommand.class})
final class ThemesCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
