package io.wayfinder.server;

import java.nio.file.Path;

/**
 * How to run a server: bind address, port (0 picks a free one), data directory and an optional
 * admin token (else the stored or a generated one).
 */
public record ServerConfig(String host, int port, Path dataDir, String adminToken) {
  public static final int DEFAULT_PORT = 8080;

  public static ServerConfig defaults(Path dataDir) {
    return new ServerConfig("127.0.0.1", DEFAULT_PORT, dataDir, null);
  }

  public ServerConfig withPort(int p) {
    return new ServerConfig(host, p, dataDir, adminToken);
  }

  public ServerConfig withAdminToken(String t) {
    return new ServerConfig(host, port, dataDir, t);
  }
}
