package io.wayfinder.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The shared reference event logs, found in the first ancestor of the working directory holding {@code shared/}. */
final class EventLogFiles {
  private EventLogFiles() {}

  static Path of(String name) {
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    return Stream.iterate(start, p -> p != null, Path::getParent)
        .filter(p -> Files.isDirectory(p.resolve("shared")))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no shared/ above " + start))
        .resolve("shared/data/eventlogs")
        .resolve(name);
  }
}
