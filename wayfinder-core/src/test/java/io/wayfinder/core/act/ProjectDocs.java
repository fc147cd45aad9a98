package io.wayfinder.core.act;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a page of the project's docs/ folder, found by walking up from the working directory. */
public final class ProjectDocs {
  private ProjectDocs() {}

  public static String read(String page) {
    for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
      Path doc = p.resolve("docs").resolve(page);
      if (Files.isRegularFile(doc)) {
        try {
          return Files.readString(doc);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    throw new IllegalStateException("no docs/" + page + " above " + System.getProperty("user.dir"));
  }
}
