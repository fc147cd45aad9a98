package io.wayfinder.core.eventlog;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Opens event log files, choosing the format by extension: {@code .xes}, {@code .csv}, either
 * optionally gzipped ({@code .xes.gz}, {@code .csv.gz}).
 *
 * <pre>{@code
 * try (EventLogReader events = EventLogReaders.open(path, ColumnMapping.DEFAULT)) {
 *   while (events.hasNext()) { LogEvent e = events.next(); ... }
 * }
 * }</pre>
 */
public final class EventLogReaders {
  private EventLogReaders() {}

  /** Opens {@code path} with the default column mapping. */
  public static EventLogReader open(Path path) {
    return open(path, ColumnMapping.DEFAULT);
  }

  /**
   * Opens {@code path} as a streaming reader.
   *
   * @throws EventLogException if the file is missing, unreadable or of an unknown format
   */
  public static EventLogReader open(Path path, ColumnMapping mapping) {
    return open(path, mapping, ImportLimits.current());
  }

  /**
   * Opens {@code path} as a streaming reader that fails on a line or XML tag over {@code limits}.
   *
   * @throws EventLogException if the file is missing, unreadable or of an unknown format
   */
  public static EventLogReader open(Path path, ColumnMapping mapping, ImportLimits limits) {
    String file = path.toString();
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean gzip = name.endsWith(".gz");
    String base = gzip ? name.substring(0, name.length() - 3) : name;
    if (!base.endsWith(".xes") && !base.endsWith(".csv")) {
      throw new EventLogException(file, 0, null, "unknown event log format: expected .xes, .xes.gz, .csv or .csv.gz");
    }
    InputStream in = input(path, gzip);
    try {
      if (base.endsWith(".xes")) {
        return new XesEventLogReader(file, in, mapping, limits.maxAttributeBytes());
      }
      // strict UTF-8: a Latin-1 byte is an error naming its line, never a silent U+FFFD
      BufferedReader reader = new BufferedReader(new Utf8Lines(in, file, limits.maxLineBytes()).asReader(), 1 << 16);
      return new CsvEventLogReader(file, reader, mapping);
    } catch (RuntimeException e) {
      closeQuietly(in); // a bad header must not leak the file handle
      throw e;
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // the original failure is the one to report
    }
  }

  private static InputStream input(Path path, boolean gzip) {
    try {
      InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
      return gzip ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    } catch (NoSuchFileException e) {
      throw new EventLogException(path.toString(), 0, null, "no such file");
    } catch (IOException e) {
      throw new EventLogException(path.toString(), 0, null, "cannot open: " + e.getMessage());
    }
  }
}
