package io.wayfinder.store.imports;

import io.wayfinder.core.eventlog.EventLogException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The rows an import skipped, as CSV: {@code line,field,reason}. */
final class RejectFile implements AutoCloseable {
  private final BufferedWriter out;

  private RejectFile(BufferedWriter out) {
    this.out = out;
  }

  static RejectFile open(Path path) {
    if (path == null) return new RejectFile(null);
    try {
      BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
      w.write("line,field,reason\n");
      return new RejectFile(w);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the reject file " + path, e);
    }
  }

  synchronized void write(EventLogException e) {
    if (out == null) return;
    try {
      out.write(e.line() + "," + quote(e.field()) + "," + quote(e.reason()) + "\n");
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
  }

  private static String quote(String s) {
    return s == null ? "" : "\"" + s.replace("\"", "\"\"") + "\"";
  }

  @Override
  public void close() {
    if (out == null) return;
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
