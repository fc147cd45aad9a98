package io.wayfinder.core.voc.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentimentByGroupTest {
  private final SentimentAnalyzer vader = SentimentAnalyzer.vader();

  @Test
  void theCurveFollowsTheStageOrderWithMeansAndTopTerms() {
    SentimentByGroup g = new SentimentByGroup(vader, 2)
        .add("respond", "The delivery was late and the driver was rude.")
        .add("request", "Ordering was easy and quick, great site!")
        .add("respond", "Late again, terrible. Not good.")
        .add("request", "Easy checkout.");

    List<GroupSentiment> curve = g.curve(List.of("recognize", "request", "respond", "repeat"));

    assertThat(curve).extracting(GroupSentiment::group).containsExactly("request", "respond");
    GroupSentiment request = curve.get(0);
    GroupSentiment respond = curve.get(1);
    assertThat(request.texts()).isEqualTo(2);
    assertThat(request.meanCompound()).isCloseTo(
        (vader.score("Ordering was easy and quick, great site!").compound() + vader.score("Easy checkout.").compound()) / 2,
        within(1e-12));
    assertThat(request.positiveShare()).isEqualTo(1.0);
    assertThat(request.topPositiveTerms()).first().isEqualTo(new TermCount("easy", 2));
    assertThat(respond.meanCompound()).isNegative();
    assertThat(respond.negativeShare()).isEqualTo(1.0);
    // "not good" counts "good" among the negative terms, never the positive ones.
    assertThat(respond.topPositiveTerms()).isEmpty();
    assertThat(respond.topNegativeTerms()).hasSize(2);
    assertThat(vader.terms("Not good.")).containsExactly(new SentimentTerm("good", 1.9 * -0.74));
  }

  @Test
  void groupsOutsideTheOrderFollowInTheOrderFirstSeen() {
    SentimentByGroup g = new SentimentByGroup(vader, 3).add("web", "ok").add("app", "bad").add("store", "fine");
    assertThat(g.curve(List.of("store"))).extracting(GroupSentiment::group).containsExactly("store", "web", "app");
    assertThat(g.groups()).extracting(GroupSentiment::group).containsExactly("web", "app", "store");
  }
}
