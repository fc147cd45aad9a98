package io.wayfinder.core.journey.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wayfinder.core.journey.dataset.EventFilter;
import io.wayfinder.core.journey.dataset.JourneyDataset;
import io.wayfinder.core.journey.dataset.JourneyDatasetBuilder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetentionEngineTest {

  @Test
  void periodNumbersFollowTheUtcCalendar() {
    for (LocalDate d = LocalDate.of(1969, 11, 1); d.isBefore(LocalDate.of(2031, 3, 1)); d = d.plusDays(1)) {
      long micros = d.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000L + 86_399_999_999L;
      LocalDate month = LocalDate.of(d.getYear(), d.getMonth(), 1);
      assertThat(Period.MONTH.start(Period.MONTH.index(micros))).isEqualTo(month);
      LocalDate monday = d.minusDays(d.getDayOfWeek().getValue() - 1);
      assertThat(Period.WEEK.start(Period.WEEK.index(micros))).isEqualTo(monday);
      assertThat(Period.DAY.start(Period.DAY.index(micros))).isEqualTo(d);
    }
    assertThat(Period.MONTH.label(Period.MONTH.index(0))).isEqualTo("1970-01");
  }

  @Test
  void handCountedTriangleInWeeksAndMonths() {
    JourneyDataset d = new JourneyDatasetBuilder()
        .add("a", "Signed Up", "web", Instant.parse("2024-01-03T10:00:00Z"), null)   // Wednesday of week 2024-01-01
        .add("a", "Order", "web", Instant.parse("2024-01-08T00:00:00Z"), null)       // next Monday: week 1, month 0
        .add("a", "Order", "app", Instant.parse("2024-02-20T00:00:00Z"), null)       // month 1
        .add("b", "Signed Up", "app", Instant.parse("2024-01-31T23:00:00Z"), null)
        .add("b", "Order", "web", Instant.parse("2024-02-01T01:00:00Z"), null)       // month 1, week 0
        .add("c", "Signed Up", "web", Instant.parse("2024-02-05T00:00:00Z"), null)
        .add("c", "Visit", "web", Instant.parse("2024-03-31T00:00:00Z"), null)       // month 1 of c, the last event
        .build();
    RetentionReport months = new RetentionEngine(d).run(query(null, "month", "month", 3, "exact", "cohort"), null, null);
    assertThat(months.rows()).extracting(RetentionRow::group).containsExactly("2024-01", "2024-02");
    RetentionRow jan = months.rows().get(0);
    assertThat(jan.customers()).isEqualTo(2);
    assertThat(jan.cells()).extracting(RetentionCell::eligible).containsExactly(2, 2, 2, 0);
    assertThat(jan.cells()).extracting(RetentionCell::returned).containsExactly(1, 2, 0, 0);
    assertThat(jan.cells().get(3).rate()).isNull();
    RetentionRow feb = months.rows().get(1);
    assertThat(feb.cells()).extracting(RetentionCell::eligible).containsExactly(1, 1, 0, 0);
    assertThat(feb.cells()).extracting(RetentionCell::returned).containsExactly(0, 1, 0, 0);

    RetentionReport weeks = new RetentionEngine(d).run(query(EventFilter.named("Order"), "week", "month", 7, "exact", "none"), null, null);
    assertThat(weeks.rows()).isEmpty();
    assertThat(weeks.all().cells()).extracting(RetentionCell::returned).containsExactly(1, 1, 0, 0, 0, 0, 0, 1);

    RetentionReport after = new RetentionEngine(d).run(query(EventFilter.named("Order"), "month", "month", 2, "onOrAfter", "channel"), null, null);
    assertThat(after.rows()).extracting(RetentionRow::group).containsExactly("app", "web");
    assertThat(after.all().cells()).extracting(RetentionCell::returned).containsExactly(2, 2, 0);
  }

  @Test
  void segmentAndJourneyBreakdownsStartEventAndAcquisitionPeriod() {
    JourneyDataset d = new JourneyDatasetBuilder()
        .add("a", "Visit", "web", Instant.parse("2024-01-01T10:00:00Z"), null)
        .add("a", "Signed Up", "web", Instant.parse("2024-01-10T10:00:00Z"), null)   // acquired here with start = Signed Up
        .add("a", "Visit", "web", Instant.parse("2024-02-02T10:00:00Z"), null)       // month 1
        .add("b", "Signed Up", "app", Instant.parse("2024-02-01T10:00:00Z"), null)
        .add("b", "Visit", "app", Instant.parse("2024-02-03T10:00:00Z"), null)       // month 0
        .add("c", "Visit", "web", Instant.parse("2024-03-01T10:00:00Z"), null)       // never signs up
        .trait("a", "plan", "gold").trait("b", "plan", "basic")
        .build();
    RetentionQuery bySegment = new RetentionQuery(EventFilter.named("Signed Up"), null, "month", "month", 1, null, "segment:plan",
        null, null, null, null);
    RetentionReport r = new RetentionEngine(d).run(bySegment, null, null);
    assertThat(r.customers()).isEqualTo(2);
    assertThat(r.rows()).extracting(RetentionRow::group).containsExactly("basic", "gold");
    assertThat(r.rows().get(0).cells()).extracting(RetentionCell::returned).containsExactly(1, 0);
    assertThat(r.rows().get(1).cells()).extracting(RetentionCell::returned).containsExactly(0, 1);

    boolean[] inJourney = new boolean[d.caseCount()];
    for (int c = 0; c < inJourney.length; c++) inJourney[c] = !d.index().caseName(c).equals("b");
    RetentionQuery byJourney = new RetentionQuery(null, null, "month", "month", 1, null, "journey", null, null, null, null);
    RetentionReport j = new RetentionEngine(d).run(byJourney, null, Map.of("onboarding", inJourney));
    assertThat(j.rows()).singleElement().satisfies(row -> assertThat(row.customers()).isEqualTo(2));
    assertThat(j.all().customers()).isEqualTo(3);

    RetentionQuery february = new RetentionQuery(null, null, "month", "month", 1, null, null,
        Instant.parse("2024-02-01T00:00:00Z"), Instant.parse("2024-03-01T00:00:00Z"), null, null);
    assertThat(new RetentionEngine(d).run(february, null, null).rows()).extracting(RetentionRow::group).containsExactly("2024-02");
    assertThat(new RetentionEngine(d).run(february, null, null).customers()).isEqualTo(1);
  }

  @Test
  void cellsCarryTheWilsonScoreInterval() {
    RetentionCell c = RetentionCell.of(1, 40, 10);
    double z = 1.959963984540054, n = 40, p = 0.25;
    double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
    double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n));
    assertThat(c.low()).isCloseTo(centre - half, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(c.high()).isCloseTo(centre + half, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void randomLogsAgreeWithANaiveCalendarComputation() {
    Random r = new Random(7);
    JourneyDatasetBuilder b = new JourneyDatasetBuilder();
    Map<String, List<Instant>> byCustomer = new java.util.TreeMap<>();
    Instant base = Instant.parse("2023-11-20T00:00:00Z");
    for (int c = 0; c < 300; c++) {
      int n = 1 + r.nextInt(8);
      for (int k = 0; k < n; k++) {
        Instant t = base.plusSeconds((long) r.nextInt(200 * 86_400));
        b.add("c" + c, "Visit", "web", t, null);
        byCustomer.computeIfAbsent("c" + c, x -> new ArrayList<>()).add(t);
      }
    }
    JourneyDataset d = b.build();
    Instant last = byCustomer.values().stream().flatMap(List::stream).max(Instant::compareTo).orElseThrow();
    for (String mode : List.of("exact", "onOrAfter")) {
      for (String unit : List.of("day", "week", "month")) {
        int periods = 10;
        RetentionReport rep = new RetentionEngine(d).run(query(null, unit, "month", periods, mode, "none"), null, null);
        int[] eligible = new int[periods + 1], returned = new int[periods + 1];
        for (List<Instant> ts : byCustomer.values()) {
          List<LocalDate> days = ts.stream().sorted().map(t -> LocalDate.ofInstant(t, ZoneOffset.UTC)).toList();
          for (int k = 0; k <= periods; k++) {
            if (between(unit, days.get(0), LocalDate.ofInstant(last, ZoneOffset.UTC)) < k) continue;
            eligible[k]++;
            final int kk = k;
            boolean back = days.subList(1, days.size()).stream().anyMatch(day -> mode.equals("exact")
                ? between(unit, days.get(0), day) == kk : between(unit, days.get(0), day) >= kk);
            if (back) returned[k]++;
          }
        }
        assertThat(rep.all().cells()).extracting(RetentionCell::eligible).as(mode + " " + unit)
            .containsExactlyElementsOf(java.util.Arrays.stream(eligible).boxed().toList());
        assertThat(rep.all().cells()).extracting(RetentionCell::returned).as(mode + " " + unit)
            .containsExactlyElementsOf(java.util.Arrays.stream(returned).boxed().toList());
      }
    }
  }

  @Test
  void unknownEventsAreRejectedNamingTheField() {
    JourneyDataset d = new JourneyDatasetBuilder().add("a", "Visit", "web", Instant.parse("2024-01-03T10:00:00Z"), null).build();
    assertThatThrownBy(() -> new RetentionEngine(d).run(query(EventFilter.named("Nope"), "week", "month", 3, null, null), null, null))
        .hasMessageStartingWith("returning.event: no event 'Nope'");
    assertThatThrownBy(() -> query(null, "fortnight", "month", 3, null, null)).hasMessageStartingWith("period: expected day, week or month");
    assertThatThrownBy(() -> query(null, "week", "month", -1, null, null)).hasMessageStartingWith("periods:");
    assertThatThrownBy(() -> query(null, "week", "month", 3, "sometimes", null)).hasMessageStartingWith("mode:");
  }

  private static long between(String unit, LocalDate a, LocalDate b) {
    return switch (unit) {
      case "day" -> ChronoUnit.DAYS.between(a, b);
      case "week" -> ChronoUnit.WEEKS.between(a.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, a.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)).minusDays(a.getDayOfWeek().getValue() - 1),
          b.minusDays(b.getDayOfWeek().getValue() - 1));
      default -> ChronoUnit.MONTHS.between(a.withDayOfMonth(1), b.withDayOfMonth(1));
    };
  }

  static RetentionQuery query(EventFilter returning, String period, String cohortBy, int periods, String mode, String breakdown) {
    return new RetentionQuery(null, returning, period, cohortBy, periods, mode, breakdown, null, null, null, null);
  }
}
