package io.wayfinder.cli;

import io.wayfinder.core.eventlog.EventLogException;
import picocli.CommandLine;

/** Turns failures into one clear line on stderr and exit code 1 (2 for usage errors). */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    if (e instanceof CliException || e instanceof EventLogException || e instanceof IllegalArgumentException
        || e instanceof io.wayfinder.store.StoreException || e instanceof IllegalStateException) {
      cl.getErr().println("wayfinder: " + e.getMessage());
      return 1;
    }
    cl.getErr().println("wayfinder: " + e);
    e.printStackTrace(cl.getErr());
    return 1;
  }
}
