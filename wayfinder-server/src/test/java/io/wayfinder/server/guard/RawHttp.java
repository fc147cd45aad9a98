package io.wayfinder.server.guard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A hand-driven HTTP/1.1 client connection, for clients that send their request slowly or not at all. */
final class RawHttp implements AutoCloseable {
  final Socket socket = new Socket();

  RawHttp(int port) throws IOException {
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
  }

  /** Sends the request line and headers of a POST whose body will follow (or not). */
  RawHttp startPost(String path, String headers) throws IOException {
    send("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n");
    return this;
  }

  void send(String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    socket.getOutputStream().flush();
  }

  /** The response's status line and headers and whatever body arrives before the server closes or {@code timeoutMs}. */
  String response(int timeoutMs) throws IOException {
    socket.setSoTimeout(timeoutMs);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream in = socket.getInputStream();
    byte[] buf = new byte[8192];
    try {
      for (int n; (n = in.read(buf)) > 0; ) {
        out.write(buf, 0, n);
        if (complete(out.toString(StandardCharsets.UTF_8))) break;
      }
    } catch (SocketTimeoutException e) {
      if (out.size() == 0) throw e;
    } catch (IOException e) {
      // A reset after the answer (the server closes a connection whose body it will not read).
      if (out.size() == 0) throw e;
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean complete(String text) {
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) return false;
    String head = text.substring(0, end).toLowerCase();
    int i = head.indexOf("content-length:");
    if (i < 0) return false;
    int eol = head.indexOf('\r', i);
    long length = Long.parseLong(head.substring(i + 15, eol < 0 ? head.length() : eol).strip());
    return text.length() - end - 4 >= length;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
