package io.wayfinder.core.voc.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BreakdownEngineTest {
  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  private final BreakdownEngine engine = new BreakdownEngine();

  @ParameterizedTest
  @EnumSource(ScoreScale.class)
  void theStageWithPlantedPoorScoresIsLowestAndItsIntervalExcludesTheOthers(ScoreScale scale) {
    ResponseTable t = new SyntheticResponses(7, "respond", 0.15, START, 90).table(30_000);
    BreakdownResult r = engine.run(Breakdown.of(scale).by(Dimension.STAGE), t);

    assertThat(r.rows()).hasSize(4);
    BreakdownRow lowest = r.rows().stream().min(Comparator.comparingDouble(x -> x.kpi().value())).orElseThrow();
    assertThat(lowest.key()).containsExactly("respond");
    for (BreakdownRow other : r.rows()) {
      if (other != lowest) assertThat(lowest.kpi().interval().excludes(other.kpi().interval())).as(other.key().toString()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(TrendPeriod.class)
  void trendsByJourneyAndChannelAgreeWithAPlainGroupingInAZoneWithDaylightSaving(TrendPeriod period) {
    List<SurveyResponse> responses = new ArrayList<>();
    new SyntheticResponses(11, "request", 0.1, Instant.parse("2025-03-01T00:00:00Z"), 70).generate(20_000, responses::add);
    ZoneId paris = ZoneId.of("Europe/Paris");
    BreakdownResult r = engine.run(
        Breakdown.of(ScoreScale.CSAT).by(Dimension.JOURNEY, Dimension.CHANNEL).per(period).inZone(paris),
        ResponseTable.of(responses));

    Map<List<Object>, List<Integer>> expected = responses.stream()
        .filter(x -> x.scale() == ScoreScale.CSAT)
        .collect(Collectors.groupingBy(x -> List.of(x.journey(), x.channel(),
                bucket(period, x.answeredAt().atZone(paris).toLocalDate())),
            Collectors.mapping(SurveyResponse::score, Collectors.toList())));
    assertThat(r.rows()).hasSize(expected.size());
    for (BreakdownRow row : r.rows()) {
      List<Integer> scores = expected.get(List.of(row.key().get(0), row.key().get(1), row.periodStart()));
      assertThat(row.counts()).isEqualTo(ScoreCounts.ofScores(ScoreScale.CSAT, scores.stream().mapToInt(i -> i).toArray()));
    }
  }

  private static LocalDate bucket(TrendPeriod period, LocalDate day) {
    return switch (period) {
      case DAY -> day;
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
    };
  }

  @Test
  void monthlyTrendOfOneFilteredTouchpointWithinATimeRange() {
    List<SurveyResponse> responses = new ArrayList<>();
    new SyntheticResponses(3, "repeat", 0.1, START, 120).generate(10_000, responses::add);
    Instant from = Instant.parse("2025-02-01T00:00:00Z");
    Instant to = Instant.parse("2025-04-01T00:00:00Z");
    BreakdownResult r = engine.run(
        Breakdown.of(ScoreScale.NPS).per(TrendPeriod.MONTH).where(Dimension.TOUCHPOINT, "respond-2").between(from, to),
        ResponseTable.of(responses));

    Map<LocalDate, Long> expected = responses.stream()
        .filter(x -> x.scale() == ScoreScale.NPS && x.touchpoint().equals("respond-2"))
        .filter(x -> !x.answeredAt().isBefore(from) && x.answeredAt().isBefore(to))
        .collect(Collectors.groupingBy(x -> LocalDate.ofInstant(x.answeredAt(), java.time.ZoneOffset.UTC).withDayOfMonth(1),
            Collectors.counting()));
    assertThat(r.rows()).extracting(BreakdownRow::periodStart)
        .containsExactly(LocalDate.parse("2025-02-01"), LocalDate.parse("2025-03-01"));
    assertThat(r.rows()).allSatisfy(row -> assertThat(row.kpi().responses()).isEqualTo(expected.get(row.periodStart())));
  }

  @Test
  void aChangeBetweenTwoPeriodsIsTestedOnTheirCounts() {
    ResponseTable t = new SyntheticResponses(5, "respond", 0.15, START, 60).table(20_000);
    BreakdownResult r = engine.run(Breakdown.of(ScoreScale.NPS).by(Dimension.STAGE).per(TrendPeriod.MONTH), t);
    List<BreakdownRow> respond = r.rows("respond");
    List<BreakdownRow> repeat = r.rows("repeat");
    ChangeTest sameStage = ChangeTest.of(respond.get(1).counts(), respond.get(0).counts());
    ChangeTest acrossStages = ChangeTest.of(repeat.get(0).counts(), respond.get(0).counts());
    assertThat(sameStage.significant(0.001)).isFalse();
    assertThat(acrossStages.significant(0.001)).isTrue();
    assertThat(acrossStages.difference()).isPositive();
  }

  @Test
  void unknownFilterValueGivesNoRowsAndNoDimensionGivesOneTotal() {
    ResponseTable t = new SyntheticResponses(1, "respond", 0.1, START, 10).table(3_000);
    assertThat(engine.run(Breakdown.of(ScoreScale.CES).where(Dimension.CHANNEL, "fax"), t).rows()).isEmpty();
    assertThat(engine.run(Breakdown.of(ScoreScale.CES), t).rows()).singleElement()
        .satisfies(row -> assertThat(row.kpi().responses()).isEqualTo(1_000));
  }

  @Test
  void targetsPerJourneyAreOnOrOffTarget() {
    ResponseTable t = new SyntheticResponses(9, "respond", 0.15, START, 30).table(9_000);
    Map<String, Double> actual = new HashMap<>();
    engine.run(Breakdown.of(ScoreScale.CSAT).by(Dimension.JOURNEY), t).rows()
        .forEach(row -> actual.put(row.key().get(0), row.kpi().value()));
    double purchase = actual.get("purchase");
    List<TargetCheck> checks = TargetCheck.all(List.of(
        new KpiTarget("purchase", ScoreScale.CSAT, purchase - 1),
        new KpiTarget("support", ScoreScale.CSAT, actual.get("support") + 1),
        new KpiTarget("no such journey", ScoreScale.NPS, 0)), t, engine);
    assertThat(checks).extracting(TargetCheck::status)
        .containsExactly(TargetStatus.ON_TARGET, TargetStatus.OFF_TARGET, TargetStatus.NO_DATA);
    assertThat(checks.get(0).actual().value()).isEqualTo(purchase);
  }

  @Test
  void outOfRangeScoresAreRejected() {
    assertThatThrownBy(() -> new SurveyResponse(11, ScoreScale.NPS, "j", "s", "t", "c", "g", START))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NPS score must be 0–10");
    assertThatThrownBy(() -> new SurveyResponse(0, ScoreScale.CSAT, "j", "s", "t", "c", "g", START))
        .hasMessageContaining("1–5");
  }
}
