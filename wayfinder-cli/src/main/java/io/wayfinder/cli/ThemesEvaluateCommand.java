package io.wayfinder.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wayfinder.core.voc.themes.SentenceEmbedder;
import io.wayfinder.core.voc.themes.SoftmaxClassifier;
import io.wayfinder.core.voc.themes.ThemeClassifier;
import io.wayfinder.core.voc.themes.ThemeEvaluation;
import io.wayfinder.core.voc.themes.ThemePrediction;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wayfinder themes evaluate}: train on one labelled file, score on another. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Trains a theme classifier on one labelled file and measures it on another.",
      "Texts are represented by all-MiniLM-L6-v2 sentence embeddings joined with TF-IDF; the",
      "same run also trains on TF-IDF alone for comparison. Prints accuracy, per-theme precision",
      "and recall, and the least confident test texts (the ones to label next)."
    })
final class ThemesEvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--train", required = true, paramLabel = "FILE", description = "labelled texts to learn from (CSV, TSV or JSONL)")
  Path train;

  @Option(names = "--test", required = true, paramLabel = "FILE", description = "labelled texts to classify and score")
  Path test;

  @Option(names = "--text-column", defaultValue = "text", paramLabel = "COL", description = "the text (default: ${DEFAULT-VALUE})")
  String textColumn;

  @Option(names = "--label-column", defaultValue = "category", paramLabel = "COL", description = "the theme (default: ${DEFAULT-VALUE})")
  String labelColumn;

  @Option(names = "--threshold", defaultValue = "0.5", paramLabel = "P",
      description = "texts classified with a lower confidence are listed for labelling (default: ${DEFAULT-VALUE})")
  double threshold;

  @Option(names = "--themes", paramLabel = "FILE",
      description = "the taxonomy, one theme name per line: every label in both files must be one of them")
  Path taxonomy;

  @Option(names = "--json", description = "print one JSON object")
  boolean json;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Integer call() throws IOException {
    LabelledTexts tr = LabelledTexts.read(train, textColumn, labelColumn);
    LabelledTexts te = LabelledTexts.read(test, textColumn, labelColumn);
    if (taxonomy != null) {
      ThemeTaxonomy themes = ThemeTaxonomy.read(taxonomy);
      themes.requireKnown(tr, train.toString(), labelColumn);
      themes.requireKnown(te, test.toString(), labelColumn);
    }
    if (new HashSet<>(tr.labels()).size() < 2) throw new CliException(train + ": at least two themes are needed to learn from");
    SoftmaxClassifier.Options options = SoftmaxClassifier.Options.defaults();
    long cpu0 = cpuNanos();
    long t0 = System.nanoTime();
    ThemeClassifier model;
    float[][] testEmbeddings;
    try (SentenceEmbedder embedder = SentenceEmbedder.ofAllCores()) {
      float[][] trainEmbeddings = embedder.embed(tr.texts());
      model = ThemeClassifier.train(tr.texts(), tr.labels(), trainEmbeddings, ThemeClassifier.Features.EMBEDDING_AND_TFIDF, options);
      double trainSeconds = (System.nanoTime() - t0) / 1e9;
      double trainCpu = (cpuNanos() - cpu0) / 1e9;
      long e0 = System.nanoTime();
      testEmbeddings = embedder.embed(te.texts());
      double embedRate = te.texts().size() / ((System.nanoTime() - e0) / 1e9);
      List<ThemePrediction> predictions = model.classify(te.texts(), testEmbeddings);
      ThemeEvaluation eval = ThemeEvaluation.of(te.labels(), themes(predictions));
      ThemeClassifier lexical = ThemeClassifier.train(tr.texts(), tr.labels(), null, ThemeClassifier.Features.TFIDF, options);
      ThemeEvaluation tfidf = ThemeEvaluation.of(te.labels(), themes(lexical.classify(te.texts(), null)));
      print(model, eval, tfidf, predictions, te, tr.texts().size(), trainSeconds, trainCpu, embedRate);
    }
    return 0;
  }

  private static List<String> themes(List<ThemePrediction> p) {
    return p.stream().map(ThemePrediction::theme).toList();
  }

  /** CPU time of this JVM, all threads: under load, wall-clock time says more about the neighbours. */
  private static long cpuNanos() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : 0;
  }

  private void print(ThemeClassifier model, ThemeEvaluation eval, ThemeEvaluation tfidf, List<ThemePrediction> predictions,
      LabelledTexts te, int trainTexts, double trainSeconds, double trainCpu, double embedRate) throws IOException {
    List<Integer> unsure = new ArrayList<>();
    for (int i = 0; i < predictions.size(); i++) if (predictions.get(i).confidence() < threshold) unsure.add(i);
    unsure.sort(Comparator.comparingDouble(i -> predictions.get(i).confidence()));
    int unsureCorrect = 0;
    for (int i : unsure) if (predictions.get(i).theme().equals(te.labels().get(i))) unsureCorrect++;
    PrintWriter out = spec.commandLine().getOut();
    if (!json) {
      out.printf(Locale.ROOT, "texts %d%nthemes %d%naccuracy %.4f%ntfidf_accuracy %.4f%ntrain_seconds %.1f%nlow_confidence %d%n",
          eval.texts(), model.themes().size(), eval.accuracy(), tfidf.accuracy(), trainSeconds, unsure.size());
      for (ThemeEvaluation.ThemeScore s : eval.perTheme()) {
        out.printf(Locale.ROOT, "%s\tprecision %.3f\trecall %.3f\tsupport %d%n", s.theme(), s.precision(), s.recall(), s.support());
      }
      out.flush();
      return;
    }
    ObjectNode o = JSON.createObjectNode()
        .put("accuracy", eval.accuracy()).put("texts", eval.texts()).put("themes", model.themes().size())
        .put("train_texts", trainTexts)
        .put("train_seconds", trainSeconds).put("train_cpu_seconds", trainCpu)
        .put("tfidf_accuracy", tfidf.accuracy()).put("test_texts_embedded_per_second", embedRate)
        .put("model", "all-MiniLM-L6-v2 (quantised) embedding + TF-IDF word 1-2 grams, softmax regression");
    ArrayNode per = o.putArray("per_theme");
    for (ThemeEvaluation.ThemeScore s : eval.perTheme()) {
      per.addObject().put("theme", s.theme()).put("support", s.support()).put("predicted", s.predicted())
          .put("precision", s.precision()).put("recall", s.recall());
    }
    ObjectNode low = o.putObject("low_confidence").put("threshold", threshold).put("texts", unsure.size())
        .put("accuracy", unsure.isEmpty() ? 0 : (double) unsureCorrect / unsure.size());
    ArrayNode rows = low.putArray("least_confident");
    for (int i : unsure.subList(0, Math.min(20, unsure.size()))) {
      rows.addObject().put("line", te.lines().get(i)).put("text", te.texts().get(i))
          .put("theme", predictions.get(i).theme()).put("confidence", predictions.get(i).confidence());
    }
    out.println(JSON.writeValueAsString(o));
    out.flush();
  }
}
