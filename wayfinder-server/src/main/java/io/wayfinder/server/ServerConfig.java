package io.wayfinder.server;

import java.nio.file.Path;

/**
 * How to run a server: bind address, port (0 picks a free one), data directory, an optional
 * admin token (else the stored or a generated one) and an optional password for the web
 * application's first admin (else a generated one, printed once).
 */
public record ServerConfig(String host, int port, Path dataDir, String adminToken, String adminPassword) {
  public static final int DEFAULT_PORT = 8080;

  public ServerConfig(String host, int port, Path dataDir, String adminToken) {
    this(host, port, dataDir, adminToken, null);
  }

  public static ServerConfig defaults(Path dataDir) {
    return new ServerConfig("127.0.0.1", DEFAULT_PORT, dataDir, null);
  }

  public ServerConfig withPort(int p) {
    return new ServerConfig(host, p, dataDir, adminToken, adminPassword);
  }

  public ServerConfig withAdminToken(String t) {
    return new ServerConfig(host, port, dataDir, t, adminPassword);
  }

  public ServerConfig withAdminPassword(String p) {
    return new ServerConfig(host, port, dataDir, adminToken, p);
  }
}
