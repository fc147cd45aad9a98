package io.wayfinder.core.voc.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wayfinder.core.voc.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The human-rated corpora of the VADER paper against the reference implementation's figures. */
class VaderCorpusTest {

  @ParameterizedTest
  @CsvSource({
      "tweets_GroundTruth.txt, 4200, 0.8722, 0.8988",
      "amazonReviewSnippets_GroundTruth.txt, 3708, 0.5896, 0.5874",
  })
  void correlationAndAccuracyMatchTheReference(String file, int texts, double r, double accuracy) throws IOException {
    List<String> lines = Files.readAllLines(SharedData.path("data/vader/" + file), StandardCharsets.UTF_8);
    SentimentAnalyzer vader = SentimentAnalyzer.vader();
    double[] compound = new double[lines.size()];
    double[] gold = new double[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      String[] f = lines.get(i).split("\t", 3);
      gold[i] = Double.parseDouble(f[1]);
      compound[i] = vader.score(f[2]).compound();
    }
    SentimentEvaluation e = SentimentEvaluation.of(compound, gold, 4);
    assertThat(e.texts()).isEqualTo(texts);
    assertThat(e.pearsonR()).isCloseTo(r, within(0.005));
    assertThat(e.accuracy3Class()).isCloseTo(accuracy, within(0.005));
  }
}
