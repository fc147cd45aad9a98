package io.wayfinder.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;

/**
 * Option defaults from the environment and an optional config file, so the precedence is:
 * command-line flag, then {@code WAYFINDER_<OPTION>} (e.g. {@code WAYFINDER_DATA},
 * {@code WAYFINDER_PORT}), then the config file ({@code WAYFINDER_CONFIG}, default
 * {@code ./wayfinder.properties}; keys are option names without dashes, e.g. {@code data=...}),
 * then the built-in default.
 */
final class ConfigDefaults implements CommandLine.IDefaultValueProvider {
  private final Map<String, String> env;
  private final Properties file = new Properties();

  ConfigDefaults(Map<String, String> env) {
    this.env = env;
    Path config = Path.of(env.getOrDefault("WAYFINDER_CONFIG", "wayfinder.properties"));
    if (Files.isRegularFile(config)) {
      try (InputStream in = Files.newInputStream(config)) {
        file.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read config file " + config, e);
      }
    }
  }

  @Override
  public String defaultValue(CommandLine.Model.ArgSpec arg) {
    if (!(arg instanceof CommandLine.Model.OptionSpec opt)) return null;
    String name = opt.longestName().replaceFirst("^-+", "");
    String fromEnv = env.get("WAYFINDER_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
    if (fromEnv != null) return fromEnv;
    return file.getProperty(name);
  }
}
