package io.wayfinder.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/**
 * One run of the real command line, as the launcher runs it, with what it printed: commands
 * print both to picocli's writer and to {@code System.out}, so {@code out} holds both.
 */
record CliRun(int exit, String out, String err) {

  static CliRun of(String... args) {
    return withEnv(Map.of(), args);
  }

  static CliRun withEnv(Map<String, String> env, String... args) {
    return on(Main.commandLine(env), args);
  }

  /**
   * One run with picocli's writers only, {@code System.out} untouched: for commands that print
   * through picocli alone (the themes commands, whose output otherwise went missing here).
   */
  static CliRun writers(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return new CliRun(cl.execute(args), out.toString(), err.toString());
  }

  static CliRun on(CommandLine cl, String... args) {
    PrintStream oldOut = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    try {
      PrintStream captured = new PrintStream(out, true, StandardCharsets.UTF_8);
      System.setOut(captured);
      cl.setOut(new PrintWriter(captured, true));
      cl.setErr(new PrintWriter(err, true));
      int exit = cl.execute(args);
      return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(oldOut);
    }
  }
}
