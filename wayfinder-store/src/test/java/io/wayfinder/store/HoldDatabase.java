package io.wayfinder.store;

import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a data directory in its own JVM and holds it until killed. Args: data dir, ready-file. */
public final class HoldDatabase {
  public static void main(String[] args) throws Exception {
    try (Database db = Database.open(Path.of(args[0]))) {
      Files.writeString(Path.of(args[1]), "ready");
      Thread.currentThread().join();
    }
  }

  private HoldDatabase() {}
}
