package io.wayfinder.server.flow;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real webhook receiver on a loopback port: records every request, answers {@link #status}, or
 * hangs for {@link #hangMillis} first. Verifies nothing itself; tests check the signature.
 */
final class Receiver implements AutoCloseable {
  /** One request as it arrived. */
  record Hit(long atMillis, String idempotencyKey, String signature, String body) {}

  final List<Hit> hits = new CopyOnWriteArrayList<>();
  volatile int status = 200;
  volatile long hangMillis;
  private final HttpServer server;

  Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/hook", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      hits.add(new Hit(System.currentTimeMillis(), ex.getRequestHeaders().getFirst("Idempotency-Key"),
          ex.getRequestHeaders().getFirst(WebhookSender.SIGNATURE_HEADER), body));
      if (hangMillis > 0) {
        try {
          Thread.sleep(hangMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      ex.sendResponseHeaders(status, -1);
      ex.close();
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
