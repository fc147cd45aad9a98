package io.wayfinder.core.eventlog;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the read-only {@code shared/} folder by walking up from the working directory. */
public final class SharedData {
  private SharedData() {}

  /** {@code shared/data/eventlogs/<name>}. */
  public static Path eventLog(String name) {
    return root().resolve("data/eventlogs").resolve(name);
  }

  /** {@code shared/data/<name>}, e.g. {@code banking77/train.csv}. */
  public static Path data(String name) {
    return root().resolve("data").resolve(name);
  }

  /** {@code shared/reference/<name>}, e.g. {@code growthbook/sdk-cases.json}. */
  public static Path reference(String name) {
    return root().resolve("reference").resolve(name);
  }

  static Path root() {
    for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("shared"))) {
        return p.resolve("shared");
      }
    }
    throw new IllegalStateException("no shared/ folder above " + System.getProperty("user.dir"));
  }
}
