package io.wayfinder.store.imports;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code shared/data} beside the repository, walking up from the working directory. */
final class SharedData {
  static Path path(String relative) {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/data").resolve(relative);
      if (Files.exists(candidate)) return candidate;
    }
    throw new IllegalStateException("shared/data/" + relative + " not found above " + Path.of("").toAbsolutePath());
  }

  private SharedData() {}
}
