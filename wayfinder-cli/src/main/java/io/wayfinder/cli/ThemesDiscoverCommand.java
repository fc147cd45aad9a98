package io.wayfinder.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wayfinder.core.voc.themes.ClusterAgreement;
import io.wayfinder.core.voc.themes.SentenceEmbedder;
import io.wayfinder.core.voc.themes.ThemeDiscovery;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wayfinder themes discover FILE}: clusters of unlabelled texts, named. */
@Command(
    name = "discover",
    mixinStandardHelpOptions = true,
    description = {
      "Groups unlabelled texts into themes, each named by its characteristic terms and typical texts.",
      "Clusters are k-means over all-MiniLM-L6-v2 sentence embeddings. With --label-column the",
      "clusters are scored against the labels (NMI, adjusted Rand index) beside k-means on TF-IDF,",
      "and --clusters defaults to the number of distinct labels."
    })
final class ThemesDiscoverCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "texts (CSV, TSV or JSONL)")
  Path file;

  @Option(names = "--text-column", defaultValue = "text", paramLabel = "COL", description = "the text (default: ${DEFAULT-VALUE})")
  String textColumn;

  @Option(names = "--label-column", paramLabel = "COL", description = "known themes, used only to score the clusters")
  String labelColumn;

  @Option(names = "--clusters", paramLabel = "K", description = "number of themes (default: distinct labels, else 20)")
  Integer clusters;

  @Option(names = "--seed", defaultValue = "7", paramLabel = "N", description = "k-means seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--json", description = "print one JSON object")
  boolean json;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Integer call() throws IOException {
    LabelledTexts in = LabelledTexts.read(file, textColumn, labelColumn);
    int k = clusters != null ? clusters : labelColumn != null ? new HashSet<>(in.labels()).size() : 20;
    if (k < 1 || k > in.texts().size()) {
      throw new CliException("--clusters must be between 1 and the number of texts (" + in.texts().size() + "), got " + k);
    }
    ThemeDiscovery.Result result;
    try (SentenceEmbedder embedder = SentenceEmbedder.ofAllCores()) {
      result = ThemeDiscovery.discover(in.texts(), embedder.embed(in.texts()), k, 6, 3, seed);
    }
    ObjectNode o = JSON.createObjectNode().put("texts", in.texts().size()).put("clusters", k);
    if (labelColumn != null) {
      ClusterAgreement emb = ClusterAgreement.of(in.labels(), result.clusters());
      ClusterAgreement lex = ClusterAgreement.of(in.labels(), ThemeDiscovery.tfidfClusters(in.texts(), k, seed));
      o.putObject("embedding_kmeans").put("nmi", emb.nmi()).put("adjusted_rand", emb.adjustedRand());
      o.putObject("tfidf_kmeans").put("nmi", lex.nmi()).put("adjusted_rand", lex.adjustedRand());
    }
    ArrayNode themes = o.putArray("themes");
    for (ThemeDiscovery.DiscoveredTheme t : result.themes()) {
      ObjectNode n = themes.addObject().put("cluster", t.cluster()).put("texts", t.texts());
      t.terms().forEach(n.putArray("terms")::add);
      ArrayNode ex = n.putArray("examples");
      for (int i : t.examples()) ex.addObject().put("line", in.lines().get(i)).put("text", in.texts().get(i));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(JSON.writeValueAsString(o));
    } else {
      if (o.has("embedding_kmeans")) {
        out.printf(Locale.ROOT, "embedding k-means: NMI %.4f ARI %.4f%ntf-idf k-means:    NMI %.4f ARI %.4f%n",
            o.at("/embedding_kmeans/nmi").asDouble(), o.at("/embedding_kmeans/adjusted_rand").asDouble(),
            o.at("/tfidf_kmeans/nmi").asDouble(), o.at("/tfidf_kmeans/adjusted_rand").asDouble());
      }
      for (ThemeDiscovery.DiscoveredTheme t : result.themes()) {
        out.printf(Locale.ROOT, "%d texts\t%s\te.g. %s%n", t.texts(), String.join(", ", t.terms()), in.texts().get(t.examples().get(0)));
      }
    }
    out.flush();
    return 0;
  }
}
