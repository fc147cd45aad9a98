package io.wayfinder.core.eventlog;

/**
 * A file that cannot be read as an event log, naming the file, the line and the field.
 *
 * <p>Most failures are about one row, and a reader can go on with the next one (an import that
 * skips bad rows does). A {@linkplain #fatal() fatal} one means the file itself cannot be read
 * any further (broken XML, a truncated gzip stream, a line over the length limit): a reader that
 * throws it must not be asked for more rows, because a broken document has no "next row".
 */
public final class EventLogException extends RuntimeException {
  private final String file;
  private final long line;
  private final String field;
  private final boolean fatal;

  /** A failure of one row: the reader can go on with the next. */
  public EventLogException(String file, long line, String field, String message) {
    this(file, line, field, message, false);
  }

  private EventLogException(String file, long line, String field, String message, boolean fatal) {
    super(file + (line > 0 ? ":" + line : "") + (field != null ? " [" + field + "]" : "") + ": " + message);
    this.file = file;
    this.line = line;
    this.field = field;
    this.fatal = fatal;
  }

  /** A failure after which the file cannot be read any further. */
  public static EventLogException fatal(String file, long line, String field, String message) {
    return new EventLogException(file, line, field, message, true);
  }

  /** The same failure, the file named {@code newFile} and the reason replaced by {@code newReason}. */
  public EventLogException renamed(String newFile, String newReason) {
    return new EventLogException(newFile, line, field, newReason, fatal);
  }

  public String file() { return file; }
  public long line() { return line; }
  public String field() { return field; }
  /** Whether the file cannot be read past this failure (so skipping the row is no option). */
  public boolean fatal() { return fatal; }
  /** The message without the file/line prefix. */
  public String reason() {
    String m = getMessage();
    return m.substring(m.indexOf(": ") + 2);
  }
}
