package io.wayfinder.server.durability;

import io.wayfinder.server.ServerConfig;
import io.wayfinder.server.WayfinderServer;
import java.nio.file.Files;
import java.nio.file.Path;

/** A server in its own JVM, so a test can kill it with SIGKILL. Args: data dir, port file. */
public final class ServerProcess {
  public static void main(String[] args) throws Exception {
    WayfinderServer s = WayfinderServer.start(new ServerConfig("127.0.0.1", 0, Path.of(args[0]), "test-admin-token"));
    s.sources().getOrCreate("load", "web");
    Path tmp = Path.of(args[1] + ".tmp");
    Files.writeString(tmp, s.port() + "\n" + s.sources().byName("load").orElseThrow().writeKey());
    Files.move(tmp, Path.of(args[1]));
    Thread.currentThread().join();
  }

  private ServerProcess() {}
}
