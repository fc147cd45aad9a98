package io.wayfinder.server.flow;

import java.util.function.BooleanSupplier;

/** Waits for something the engine does in the background, failing after a bound. */
final class Eventually {
  static void until(String what, long timeoutMillis, BooleanSupplier done) throws InterruptedException {
    long end = System.currentTimeMillis() + timeoutMillis;
    while (!done.getAsBoolean()) {
      if (System.currentTimeMillis() > end) throw new AssertionError("timed out waiting for " + what);
      Thread.sleep(50);
    }
  }

  private Eventually() {}
}
