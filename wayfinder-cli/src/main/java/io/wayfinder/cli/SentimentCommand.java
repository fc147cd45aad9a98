package io.wayfinder.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wayfinder.core.eventlog.EventLogException;
import io.wayfinder.core.voc.sentiment.SentimentAnalyzer;
import io.wayfinder.core.voc.sentiment.SentimentEvaluation;
import io.wayfinder.core.voc.sentiment.SentimentClass;
import io.wayfinder.core.voc.sentiment.SentimentScore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.DoubleStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wayfinder sentiment FILE}: VADER scores per row, or agreement with a human-rated column. */
@Command(
    name = "sentiment",
    mixinStandardHelpOptions = true,
    // picocli lists a command by the first line of its description: keep that line a whole sentence
    description = {
      "Scores the sentiment of a text column with VADER, one score per row.",
      "With --gold-column, prints instead the Pearson correlation and 3-class accuracy (±0.05)",
      "against human ratings divided by --gold-scale. Columns: 1-based numbers or header names.",
      "The first row is a header when --header is given, or when a column is given by name",
      "(unless --no-header). JSONL fields are columns. A file without rows is an error."
    })
final class SentimentCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "TSV (default), CSV (.csv) or JSON Lines (.jsonl)")
  Path file;

  @Option(names = "--text-column", defaultValue = "1", paramLabel = "COL", description = "the text (default: ${DEFAULT-VALUE})")
  String textColumn;

  @Option(names = "--gold-column", paramLabel = "COL", description = "human rating to compare with")
  String goldColumn;

  @Option(names = "--gold-scale", defaultValue = "1", paramLabel = "X",
      description = "divide gold ratings by this to bring them to -1..1 (VADER's corpora: 4; default: ${DEFAULT-VALUE})")
  double goldScale;

  @Option(names = "--header", negatable = true, description = "the first row names the columns (default: auto)")
  Boolean header;

  @Option(names = "--format", paramLabel = "FMT", description = "TSV, CSV or JSONL (default: from the file name)")
  TableFile.Format format;

  @Option(names = "--json", description = "print JSON (one object, or one per row)")
  boolean json;

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Width of the text column in the plain per-row output. */
  static final int TEXT_WIDTH = 60;

  @Override
  public Integer call() throws IOException {
    ColumnRef text = ColumnRef.parse(textColumn);
    ColumnRef gold = goldColumn == null ? null : ColumnRef.parse(goldColumn);
    TableFile.Format fmt = format != null ? format : TableFile.Format.of(file);
    boolean hasHeader = header != null ? header : text.byName() || (gold != null && gold.byName());
    if (!(goldScale > 0)) throw new CliException("--gold-scale must be positive, got " + goldScale);
    SentimentAnalyzer vader = SentimentAnalyzer.vader();
    PrintWriter out = spec.commandLine().getOut();
    DoubleStream.Builder compound = DoubleStream.builder();
    DoubleStream.Builder golds = DoubleStream.builder();
    try (TableFile table = TableFile.open(file, fmt, hasHeader)) {
      for (TableFile.Row row; (row = table.next()) != null; ) {
        String value = text.in(row, table.file());
        SentimentScore s = vader.score(value);
        if (gold == null) {
          printRow(out, row.line(), s, value);
        } else {
          compound.add(s.compound());
          golds.add(parseGold(gold.in(row, table.file()), row.line()));
        }
      }
      table.requireRows();
    }
    if (gold != null) printEvaluation(out, SentimentEvaluation.of(compound.build().toArray(), golds.build().toArray(), goldScale));
    out.flush();
    return 0;
  }

  private double parseGold(String value, long line) {
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new EventLogException(file.toString(), line, goldColumn, "gold rating is not a number: \"" + value + "\"");
    }
  }

  private void printRow(PrintWriter out, long line, SentimentScore s, String text) throws IOException {
    String cls = s.sentimentClass().name().toLowerCase(Locale.ROOT);
    if (json) {
      ObjectNode o = JSON.createObjectNode().put("line", line).put("compound", s.compound())
          .put("pos", s.positive()).put("neu", s.neutral()).put("neg", s.negative()).put("class", cls).put("text", text);
      out.println(JSON.writeValueAsString(o));
    } else {
      out.printf(Locale.ROOT, "%d\t%.4f\t%s\t%s%n", line, s.compound(), cls, shorten(text));
    }
  }

  /** The text on one line, cut to {@value #TEXT_WIDTH} characters with an ellipsis. */
  static String shorten(String text) {
    String flat = text.strip().replaceAll("\\s+", " ");
    return flat.length() <= TEXT_WIDTH ? flat : flat.substring(0, TEXT_WIDTH - 1) + "…";
  }

  private void printEvaluation(PrintWriter out, SentimentEvaluation e) throws IOException {
    if (json) {
      ObjectNode o = JSON.createObjectNode().put("texts", e.texts()).put("pearson_r", e.pearsonR())
          .put("accuracy_3class", e.accuracy3Class()).put("gold_scale", goldScale)
          .put("threshold", SentimentClass.THRESHOLD).put("method", "VADER");
      out.println(JSON.writeValueAsString(o));
    } else {
      out.printf(Locale.ROOT, "texts %d%npearson_r %.4f%naccuracy_3class %.4f%n", e.texts(), e.pearsonR(), e.accuracy3Class());
    }
  }
}
