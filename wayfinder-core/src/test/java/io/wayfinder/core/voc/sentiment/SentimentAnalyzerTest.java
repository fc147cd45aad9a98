package io.wayfinder.core.voc.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SentimentAnalyzerTest {
  private final SentimentAnalyzer vader = SentimentAnalyzer.vader();

  /** TEST-VECTORS.md section 5. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "VADER is smart, handsome, and funny.|0.8316",
      "VADER is smart, handsome, and funny!|0.8439",
      "VADER is very smart, handsome, and funny.|0.8545",
      "VADER is VERY SMART, handsome, and FUNNY.|0.9227",
      "VADER is not smart, handsome, nor funny.|-0.7424",
      "The book was good.|0.4404",
      "The plot was good, but the characters are uncompelling and the dialog is not great.|-0.7042",
      "Today SUX!|-0.5461",
      "Make sure you :) or :D today!|0.8633",
      "Not bad at all|0.431",
  })
  void compoundScoresMatchTheReferenceSentences(String text, double compound) {
    assertThat(vader.score(text).compound()).isEqualTo(compound);
  }

  @Test
  void proportionsSumToOneAndClassFollowsTheCompoundCutOffs() {
    SentimentScore s = vader.score("The book was good.");
    assertThat(s.positive() + s.neutral() + s.negative()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(0.002));
    assertThat(s.sentimentClass()).isEqualTo(SentimentClass.POSITIVE);
    assertThat(vader.score("The book was bad.").sentimentClass()).isEqualTo(SentimentClass.NEGATIVE);
    assertThat(vader.score("The book is on the table.").sentimentClass()).isEqualTo(SentimentClass.NEUTRAL);
  }

  @Test
  void emptyAndBlankTextsScoreZero() {
    assertThat(vader.score("")).isEqualTo(SentimentScore.EMPTY);
    assertThat(vader.score("   \t ")).isEqualTo(SentimentScore.EMPTY);
  }

  @Test
  void emojiAreScoredByTheirDescription() {
    // 😁 is "beaming face with smiling eyes": "smiling" carries positive valence.
    assertThat(vader.score("😁").compound()).isEqualTo(vader.score("beaming face with smiling eyes").compound());
    assertThat(vader.score("😁").compound()).isPositive();
  }

  @Test
  void negationFlipsTheTermsValence() {
    assertThat(vader.terms("The food was not good")).singleElement()
        .satisfies(t -> {
          assertThat(t.term()).isEqualTo("good");
          assertThat(t.valence()).isNegative();
        });
  }

  @Test
  void dampenersAndLeastReduceIntensity() {
    double plain = vader.score("The book was good.").compound();
    assertThat(vader.score("The book was only kind of good.").compound()).isLessThan(plain).isPositive();
    assertThat(vader.score("Roger Dodger is one of the least compelling variations on this theme.").compound())
        .isNegative();
  }
}
