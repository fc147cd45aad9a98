package io.wayfinder.cli;

import io.wayfinder.server.ServerConfig;
import io.wayfinder.server.WayfinderServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Start the Wayfinder server: web application (/ui), collection API (/v1), management API (/api), health and metrics.",
        "On first start an admin token is generated, stored in <data>/admin-token and printed once."})
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE}; 0 picks a free one; env WAYFINDER_PORT).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Bind address (default ${DEFAULT-VALUE}; 0.0.0.0 for all interfaces).")
  String host;

  @Option(names = "--data", defaultValue = "wayfinder-data", description = "Data directory (default ${DEFAULT-VALUE}; env WAYFINDER_DATA).")
  Path data;

  @Option(names = "--demo", description = "Load generated demo data into the data directory on its first start.")
  boolean demo;

  @Option(names = "--demo-customers", defaultValue = "2000", description = "Customers in the demo data (default ${DEFAULT-VALUE}).")
  int demoCustomers;

  @Option(names = "--admin-password", description = "Password of the web application's first admin, 'admin' (env WAYFINDER_ADMIN_PASSWORD; "
      + "default: generated on first start and printed once). Given on a later start, it resets admin's password.")
  String adminPassword;

  @Override
  public Integer call() throws InterruptedException {
    WayfinderServer server = WayfinderServer.start(new ServerConfig(host, port, data, System.getenv("WAYFINDER_ADMIN_TOKEN"),
        adminPassword != null ? adminPassword : System.getenv("WAYFINDER_ADMIN_PASSWORD")));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "wayfinder-shutdown"));
    String url = "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + server.port();
    if (server.adminToken().generated()) {
      System.out.println("Admin token (shown once; stored in " + data.resolve("admin-token") + "):");
      System.out.println("  " + server.adminToken().value());
    }
    if (server.generatedAdminPassword() != null) {
      System.out.println("Web sign-in (shown once; change it under Settings > Users): user 'admin', password:");
      System.out.println("  " + server.generatedAdminPassword());
    }
    if (demo) DemoData.loadIfEmpty(server, demoCustomers, System.out);
    System.out.println("Wayfinder is running at " + url + "  (data: " + data.toAbsolutePath() + ")");
    System.out.println("  web app: " + url + "/  (sign in as admin)");
    System.out.println("  stats:   curl -H \"Authorization: Bearer $(cat " + data.resolve("admin-token") + ")\" " + url + "/api/stats");
    System.out.println("  health:  " + url + "/health    metrics: " + url + "/metrics");
    stopped.await();
    return 0;
  }
}
