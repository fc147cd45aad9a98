package io.wayfinder.cli;

import io.wayfinder.core.eventlog.EventLogException;
import io.wayfinder.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import picocli.CommandLine;

/**
 * Turns every failure into one line on stderr, {@code wayfinder: FILE:LINE [field]: reason} or
 * {@code wayfinder: reason}, and exit code 1 (picocli answers usage errors with 2). A stack trace
 * helps whoever debugs Wayfinder, not whoever runs it: it is printed only when
 * {@code WAYFINDER_LOG_LEVEL} is DEBUG or TRACE, the setting that already turns on debug logging.
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {
  private final boolean debug;

  CliErrors(Map<String, String> env) {
    String level = env.getOrDefault("WAYFINDER_LOG_LEVEL", "");
    this.debug = level.equalsIgnoreCase("DEBUG") || level.equalsIgnoreCase("TRACE");
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    // messages of parsers and databases may span lines; the standard is one line per error
    cl.getErr().println("wayfinder: " + message(e).replaceAll("\\s*\\R\\s*", " ").strip());
    if (debug) e.printStackTrace(cl.getErr());
    cl.getErr().flush();
    return 1;
  }

  /** What the user needs to read; an unexpected exception keeps its type, the one clue there is. */
  static String message(Throwable e) {
    boolean explained = e instanceof CliException || e instanceof EventLogException || e instanceof RemoteProblem
        || e instanceof IllegalArgumentException || e instanceof IllegalStateException || e instanceof StoreException;
    if (explained && e.getMessage() != null) return e.getMessage();
    if (e instanceof UncheckedIOException u) return message(u.getCause());
    if (e instanceof NoSuchFileException f) return f.getFile() + ": no such file";
    if (e instanceof AccessDeniedException f) return f.getFile() + ": permission denied";
    if (e instanceof IOException) return "input/output error: " + e.getMessage();
    return "unexpected " + e + " (WAYFINDER_LOG_LEVEL=DEBUG shows where)";
  }
}
