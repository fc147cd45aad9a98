package io.wayfinder.core.voc;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project's read-only {@code shared/} folder by walking up from the working directory. */
public final class SharedData {
  private SharedData() {}

  public static Path path(String relative) {
    for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path shared = dir.resolve("shared");
      if (Files.isDirectory(shared)) return shared.resolve(relative);
    }
    throw new IllegalStateException("no shared/ folder above " + System.getProperty("user.dir"));
  }
}
