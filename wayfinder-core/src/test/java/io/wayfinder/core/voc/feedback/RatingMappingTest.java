package io.wayfinder.core.voc.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wayfinder.core.voc.survey.QuestionType;
import org.junit.jupiter.api.Test;

class RatingMappingTest {
  @Test
  void fiveStarsAreCsatAndZeroToTenIsNpsUnchanged() {
    RatingMapping stars = RatingMapping.of(1, 5, null);
    assertThat(stars.kpi()).isEqualTo(QuestionType.CSAT);
    assertThat(stars.score(4)).contains(4);
    assertThat(RatingMapping.of(0, 10, null).score(0)).contains(0);
  }

  @Test
  void oneToTenMapsOntoNpsAsALabelledApproximation() {
    RatingMapping m = RatingMapping.of(1, 10, null);
    assertThat(m.method()).isEqualTo(RatingMapping.NPS_FROM_1_10);
    assertThat(m.score(1)).contains(0);
    assertThat(m.score(10)).contains(10);
    assertThat(m.score(9)).contains(9); // 8.89 rounds to a promoter
    assertThat(m.score(8)).contains(8); // 7.78
  }

  @Test
  void otherScalesKeepTheirRatingWithoutAKpi() {
    assertThat(RatingMapping.of(1, 7, null).kpi()).isNull();
    assertThat(RatingMapping.of(1, 7, QuestionType.CES).score(6)).contains(6);
    assertThat(RatingMapping.of(1, 4, null).score(3)).isEmpty();
    assertThatThrownBy(() -> RatingMapping.of(1, 4, QuestionType.CSAT)).hasMessageContaining("does not map");
    assertThatThrownBy(() -> RatingMapping.of(1, 5, null).check(6)).hasMessageContaining("1–5");
    assertThatThrownBy(() -> RatingMapping.of(1, 5, null).check(4.5)).hasMessageContaining("whole number");
  }
}
