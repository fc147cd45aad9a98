package io.wayfinder.core.eventlog;

/** A file that cannot be read as an event log, naming the file, the line and the field. */
public final class EventLogException extends RuntimeException {
  private final String file;
  private final long line;
  private final String field;

  public EventLogException(String file, long line, String field, String message) {
    super(file + (line > 0 ? ":" + line : "") + (field != null ? " [" + field + "]" : "") + ": " + message);
    this.file = file;
    this.line = line;
    this.field = field;
  }

  public String file() { return file; }
  public long line() { return line; }
  public String field() { return field; }
  /** The message without the file/line prefix. */
  public String reason() {
    String m = getMessage();
    return m.substring(m.indexOf(": ") + 2);
  }
}
