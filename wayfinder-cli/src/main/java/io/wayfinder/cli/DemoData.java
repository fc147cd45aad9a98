package io.wayfinder.cli;

import io.wayfinder.server.WayfinderServer;
import java.io.PrintStream;

/** Loads generated demo data into a fresh data directory. */
final class DemoData {
  static void loadIfEmpty(WayfinderServer server, int customers, PrintStream out) {
    if (server.stats().events() > 0) {
      out.println("Demo: the data directory already holds events; nothing loaded.");
      return;
    }
    out.println("Demo: the data generator is not available in this build yet.");
  }

  private DemoData() {}
}
