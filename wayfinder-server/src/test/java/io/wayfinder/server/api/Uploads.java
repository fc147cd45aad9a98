package io.wayfinder.server.api;

import io.wayfinder.server.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

/** A test server that is posted files of any bytes on {@code /api/imports}, and counts what it stored. */
final class Uploads implements AutoCloseable {
  final TestServer t;
  private final Connection db;

  /** Starts a server over {@code dataDir}. */
  Uploads(Path dataDir) {
    this.t = new TestServer(dataDir);
    this.db = t.server.database().connect();
  }

  /** POSTs {@code body} as an import; a request that takes longer than {@code limit} fails (a hang). */
  HttpResponse<String> post(String query, byte[] body, Duration limit) {
    return t.send(HttpRequest.newBuilder(URI.create(t.base + "/api/imports?" + query)).timeout(limit)
        .header("Authorization", "Bearer test-admin-token").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  /** The events stored, counted by DuckDB directly. */
  long storedEvents() {
    return count("SELECT count(*) FROM events", null);
  }

  /** The events stored under {@code source}, counted by DuckDB directly. */
  long storedEvents(String source) {
    return count("SELECT count(*) FROM events WHERE source = ?", source);
  }

  private synchronized long count(String sql, String parameter) {
    try (PreparedStatement st = db.prepareStatement(sql)) {
      if (parameter != null) st.setString(1, parameter);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A file of {@code shared/data}, found walking up from the working directory. */
  static byte[] shared(String relative) {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/data").resolve(relative);
      if (Files.exists(candidate)) {
        try {
          return Files.readAllBytes(candidate);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    throw new IllegalStateException("shared/data/" + relative + " not found");
  }

  @Override
  public void close() throws SQLException {
    db.close();
    t.close();
  }
}
