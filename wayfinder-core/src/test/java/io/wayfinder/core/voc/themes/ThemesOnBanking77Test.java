package io.wayfinder.core.voc.themes;

import static org.assertj.core.api.Assertions.assertThat;

import io.wayfinder.core.eventlog.SharedData;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real embedding model on a small fixed slice of BANKING77 (8 intents, 25 training and all
 * 40 test messages each) so the build stays fast; the full data set runs in bench/themes.sh.
 */
class ThemesOnBanking77Test {
  static final List<String> INTENTS = List.of("card_arrival", "cancel_transfer", "lost_or_stolen_card",
      "exchange_rate", "top_up_failed", "pin_blocked", "declined_card_payment", "verify_my_identity");
  static List<String> trainTexts = new ArrayList<>();
  static List<String> trainLabels = new ArrayList<>();
  static List<String> testTexts = new ArrayList<>();
  static List<String> testLabels = new ArrayList<>();
  static float[][] trainEmbeddings;
  static float[][] testEmbeddings;
  static SentenceEmbedder embedder;

  @BeforeAll
  static void embed() throws IOException {
    read("train.csv", 25, trainTexts, trainLabels);
    read("test.csv", Integer.MAX_VALUE, testTexts, testLabels);
    embedder = SentenceEmbedder.ofAllCores();
    trainEmbeddings = embedder.embed(trainTexts);
    testEmbeddings = embedder.embed(testTexts);
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  private static void read(String file, int perIntent, List<String> texts, List<String> labels) throws IOException {
    Map<String, Integer> taken = new HashMap<>();
    try (Reader in = Files.newBufferedReader(SharedData.data("banking77/" + file))) {
      for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
        String label = r.get("category");
        if (INTENTS.contains(label) && taken.merge(label, 1, Integer::sum) <= perIntent) {
          texts.add(r.get("text"));
          labels.add(label);
        }
      }
    }
  }

  @Test
  void embeddingsAreUnitVectorsAndParaphrasesLieCloserThanUnrelatedTexts() {
    float[][] e = embedder.embed(List.of("My card has not arrived yet", "I am still waiting for my new card",
        "What exchange rate do you use?"));
    for (float[] v : e) assertThat(dot(v, v)).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-4));
    assertThat(dot(e[0], e[1])).isGreaterThan(dot(e[0], e[2]) + 0.2);
  }

  @Test
  void embeddingsWithTfidfClassifyHeldOutMessagesBetterThanTfidfAlone() {
    List<String> both = themes(ThemeClassifier.train(trainTexts, trainLabels, trainEmbeddings,
        ThemeClassifier.Features.EMBEDDING_AND_TFIDF, SoftmaxClassifier.Options.defaults()).classify(testTexts, testEmbeddings));
    List<String> lexical = themes(ThemeClassifier.train(trainTexts, trainLabels, null,
        ThemeClassifier.Features.TFIDF, SoftmaxClassifier.Options.defaults()).classify(testTexts, null));
    double accuracyBoth = ThemeEvaluation.of(testLabels, both).accuracy();
    assertThat(accuracyBoth).isGreaterThanOrEqualTo(0.85);
    assertThat(accuracyBoth).isGreaterThan(ThemeEvaluation.of(testLabels, lexical).accuracy());
  }

  @Test
  void accuracyPrecisionAndRecallEqualSqlOverTheSamePredictions() throws SQLException {
    List<String> predicted = themes(ThemeClassifier.train(trainTexts, trainLabels, trainEmbeddings,
        ThemeClassifier.Features.EMBEDDING_AND_TFIDF, SoftmaxClassifier.Options.defaults()).classify(testTexts, testEmbeddings));
    ThemeEvaluation eval = ThemeEvaluation.of(testLabels, predicted);
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement()) {
      s.execute("CREATE TABLE p(truth VARCHAR, predicted VARCHAR)");
      try (PreparedStatement ins = db.prepareStatement("INSERT INTO p VALUES (?, ?)")) {
        for (int i = 0; i < predicted.size(); i++) {
          ins.setString(1, testLabels.get(i));
          ins.setString(2, predicted.get(i));
          ins.addBatch();
        }
        ins.executeBatch();
      }
      try (ResultSet r = s.executeQuery("SELECT avg((truth = predicted)::INT) FROM p")) {
        r.next();
        assertThat(eval.accuracy()).isEqualTo(r.getDouble(1), org.assertj.core.api.Assertions.within(1e-12));
      }
      try (ResultSet r = s.executeQuery("""
          SELECT t.theme,
                 coalesce((SELECT count(*) FILTER (truth = t.theme) / nullif(count(*), 0) FROM p WHERE predicted = t.theme), 0),
                 (SELECT count(*) FILTER (predicted = t.theme) / count(*) FROM p WHERE truth = t.theme)
          FROM (SELECT DISTINCT truth AS theme FROM p) t ORDER BY t.theme""")) {
        int i = 0;
        while (r.next()) {
          ThemeEvaluation.ThemeScore score = eval.perTheme().get(i++);
          assertThat(score.theme()).isEqualTo(r.getString(1));
          assertThat(score.precision()).isEqualTo(r.getDouble(2), org.assertj.core.api.Assertions.within(1e-12));
          assertThat(score.recall()).isEqualTo(r.getDouble(3), org.assertj.core.api.Assertions.within(1e-12));
        }
        assertThat(i).isEqualTo(INTENTS.size());
      }
    }
  }

  @Test
  void theLeastConfidentFifthOfTextsIsWrongMoreOftenThanTheRest() {
    List<ThemePrediction> p = ThemeClassifier.train(trainTexts, trainLabels, trainEmbeddings,
        ThemeClassifier.Features.EMBEDDING_AND_TFIDF, SoftmaxClassifier.Options.defaults()).classify(testTexts, testEmbeddings);
    List<Integer> byConfidence = new ArrayList<>();
    for (int i = 0; i < p.size(); i++) byConfidence.add(i);
    byConfidence.sort(java.util.Comparator.comparingDouble(i -> p.get(i).confidence()));
    int cut = p.size() / 5;
    int wrongLow = 0;
    int wrongHigh = 0;
    for (int r = 0; r < p.size(); r++) {
      int i = byConfidence.get(r);
      if (!p.get(i).theme().equals(testLabels.get(i))) {
        if (r < cut) wrongLow++;
        else wrongHigh++;
      }
    }
    assertThat(wrongLow).as("errors among the least confident fifth").isPositive();
    assertThat((double) wrongLow / cut).isGreaterThan((double) wrongHigh / (p.size() - cut));
  }

  @Test
  void embeddingClustersMatchTheIntentsBetterThanTfidfClustersAndAreNamedByTheirTerms() {
    ThemeDiscovery.Result r = ThemeDiscovery.discover(testTexts, testEmbeddings, INTENTS.size(), 5, 3, 7);
    ClusterAgreement emb = ClusterAgreement.of(testLabels, r.clusters());
    ClusterAgreement lex = ClusterAgreement.of(testLabels, ThemeDiscovery.tfidfClusters(testTexts, INTENTS.size(), 7));
    assertThat(emb.nmi()).isGreaterThan(lex.nmi());
    assertThat(emb.adjustedRand()).isGreaterThan(lex.adjustedRand());
    int total = 0;
    for (ThemeDiscovery.DiscoveredTheme t : r.themes()) {
      total += t.texts();
      assertThat(t.terms()).hasSize(5);
      for (int i : t.examples()) assertThat(r.clusters()[i]).isEqualTo(t.cluster());
    }
    assertThat(total).isEqualTo(testTexts.size());
    // the theme of texts about cards not arriving is named by a word those texts use
    ThemeDiscovery.DiscoveredTheme arrival = r.themes().stream()
        .filter(t -> testLabels.get(t.examples().get(0)).equals("card_arrival")).findFirst().orElseThrow();
    assertThat(new TreeSet<>(arrival.terms()).toString()).containsAnyOf("arriv", "card", "receiv", "deliver", "mail");
  }

  private static List<String> themes(List<ThemePrediction> p) {
    return p.stream().map(ThemePrediction::theme).toList();
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }
}
