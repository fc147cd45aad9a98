package io.wayfinder.server;

import java.nio.file.Path;

/**
 * How to run a server: bind address, port (0 picks a free one), data directory, an optional
 * admin token (else the stored or a generated one) and an optional password for the web
 * application's first admin (else a generated one, printed once).
 */
public record ServerConfig(String host, int port, Path dataDir, String adminToken, String adminPassword) {
  public ServerConfig(String host, int port, Path dataDir, String adminToken) {
    this(host, port, dataDir, adminToken, null);
  }
}
