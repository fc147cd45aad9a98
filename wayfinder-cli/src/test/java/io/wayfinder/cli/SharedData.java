package io.wayfinder.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project's read-only {@code shared/} folder by walking up from the working directory. */
public final class SharedData {
  private SharedData() {}

  public static Path path(String relative) {
    for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("shared"))) return dir.resolve("shared").resolve(relative);
    }
    throw new IllegalStateException("no shared/ folder above " + System.getProperty("user.dir"));
  }
}
