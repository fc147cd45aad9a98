package io.wayfinder.core.voc.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SurveyDefinitionTest {
  static final SurveyDefinition SURVEY = new SurveyDefinition("delivery", "Delivery", SurveyLevel.TOUCHPOINT,
      "online_order", "Respond", "delivery", List.of(
          new Question("nps", QuestionType.NPS, "How likely are you to recommend us?", null, true),
          new Question("ces", QuestionType.CES, "It was easy.", null, false),
          new Question("why", QuestionType.TEXT, "Why?", null, false),
          new Question("again", QuestionType.CHOICE, "Order again?", List.of("yes", "no"), false)),
      null);

  @Test
  void validAnswersComeBackTypedInQuestionOrder() {
    List<Answer> a = SURVEY.validate(Map.of("why", " late ", "nps", "9", "again", "yes", "ces", ""));
    assertThat(a).extracting(x -> x.question().id()).containsExactly("nps", "why", "again");
    assertThat(a.get(0).score()).isEqualTo(9);
    assertThat(a.get(1).text()).isEqualTo("late");
    assertThat(a.get(2).choice()).isEqualTo("yes");
  }

  @Test
  void scoresOffTheScaleNameTheQuestion() {
    assertThatThrownBy(() -> SURVEY.validate(Map.of("nps", "11")))
        .isInstanceOf(InvalidAnswerException.class).hasMessageContaining("answers.nps").hasMessageContaining("0–10");
    assertThatThrownBy(() -> SURVEY.validate(Map.of("nps", "5", "ces", "0"))).hasMessageContaining("answers.ces");
    assertThatThrownBy(() -> SURVEY.validate(Map.of("nps", "nine"))).hasMessageContaining("whole number");
  }

  @Test
  void unknownQuestionsMissingRequiredAnswersBadChoicesAndLongTextsAreRefused() {
    assertThatThrownBy(() -> SURVEY.validate(Map.of("nps", "5", "colour", "red"))).hasMessageContaining("answers.colour");
    assertThatThrownBy(() -> SURVEY.validate(Map.of("why", "x"))).hasMessageContaining("answers.nps: is required");
    assertThatThrownBy(() -> SURVEY.validate(Map.of("nps", "5", "again", "maybe"))).hasMessageContaining("answers.again");
    assertThatThrownBy(() -> SURVEY.validate(Map.of("nps", "5", "why", "x".repeat(SurveyDefinition.MAX_TEXT + 1))))
        .hasMessageContaining("limit is 2000");
  }

  @Test
  void journeyLevelSurveysNeedAJourneyAndQuestionIdsAreUnique() {
    List<Question> q = List.of(new Question("nps", QuestionType.NPS, "Recommend?", null, true));
    assertThatThrownBy(() -> new SurveyDefinition("j", "J", SurveyLevel.JOURNEY, null, null, null, q, null))
        .hasMessageContaining("journey is required");
    assertThatThrownBy(() -> new SurveyDefinition("j", "J", SurveyLevel.TOUCHPOINT, null, null, null,
        List.of(q.get(0), q.get(0)), null)).hasMessageContaining("appears twice");
    assertThatThrownBy(() -> new Question("c", QuestionType.CHOICE, "Pick", List.of(), false)).hasMessageContaining("needs choices");
  }
}
