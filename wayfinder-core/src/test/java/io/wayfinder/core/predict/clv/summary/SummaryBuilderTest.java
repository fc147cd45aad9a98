package io.wayfinder.core.predict.clv.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SummaryBuilderTest {
  private static final LocalDate CAL = LocalDate.of(2024, 3, 31);
  private static final LocalDate OBS = LocalDate.of(2024, 6, 30);

  private static Purchase p(String id, String date, double amount) {
    return new Purchase(id, LocalDate.parse(date), amount);
  }

  private static final List<Purchase> HISTORY = List.of(
      p("ann", "2024-01-01", 10),
      p("ann", "2024-01-01", 5), // same day: merged into one transaction of 15
      p("ann", "2024-01-15", 20),
      p("ann", "2024-02-12", 40),
      p("ann", "2024-04-10", 7), // holdout
      p("bob", "2024-03-04", 30),
      p("bob", "2024-05-01", 8), // holdout
      p("bob", "2024-05-01", 2), // holdout, same day
      p("cat", "2024-04-02", 99), // first purchase after the calibration end: not in the cohort
      p("dan", "2024-07-01", 1)); // after the observation end: ignored

  @Test
  void summarisesMergesAndSplits() {
    CohortSummary s = SummaryBuilder.calibrationEnd(CAL).observationEnd(OBS).scale(TimeScale.DAYS).addAll(HISTORY).build();
    assertThat(s.customers()).extracting(CustomerSummary::customerId).containsExactly("ann", "bob");
    CustomerSummary ann = s.customers().get(0);
    assertThat(ann.firstPurchase()).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(ann.x()).isEqualTo(2);
    assertThat(ann.tx()).isEqualTo(42); // Jan 1 -> Feb 12
    assertThat(ann.T()).isEqualTo(90); // Jan 1 -> Mar 31
    assertThat(ann.meanRepeatSpend()).isEqualTo(30);
    assertThat(ann.firstSpend()).isEqualTo(15);
    assertThat(ann.holdoutX()).isEqualTo(1);
    assertThat(ann.holdoutSpend()).isEqualTo(7);
    CustomerSummary bob = s.customers().get(1);
    assertThat(bob.x()).isZero();
    assertThat(bob.tx()).isZero();
    assertThat(bob.T()).isEqualTo(27);
    assertThat(bob.meanRepeatSpend()).isZero();
    assertThat(bob.holdoutX()).isEqualTo(1);
    assertThat(bob.holdoutSpend()).isEqualTo(10);
    assertThat(s.customersBornAfterCalibration()).isEqualTo(1);
    assertThat(s.purchasesAfterWindow()).isEqualTo(1);
    assertThat(s.purchases()).isEqualTo(10);
    assertThat(s.transactions()).isEqualTo(4 + 2);
    assertThat(s.holdoutLength()).isEqualTo(91);
  }

  @Test
  void weeksDivideDaysBySeven() {
    CohortSummary s = SummaryBuilder.calibrationEnd(CAL).observationEnd(OBS).addAll(HISTORY).build();
    CustomerSummary ann = s.customers().get(0);
    assertThat(ann.tx()).isEqualTo(6.0);
    assertThat(ann.T()).isCloseTo(90 / 7.0, within(1e-15));
    assertThat(s.holdoutLength()).isEqualTo(13.0);
  }

  @Test
  void inputOrderDoesNotMatter() {
    List<Purchase> shuffled = new ArrayList<>(HISTORY);
    Collections.shuffle(shuffled, new Random(7));
    CohortSummary a = SummaryBuilder.calibrationEnd(CAL).observationEnd(OBS).addAll(HISTORY).build();
    CohortSummary b = SummaryBuilder.calibrationEnd(CAL).observationEnd(OBS).addAll(shuffled).build();
    assertThat(b.customers()).containsExactlyInAnyOrderElementsOf(a.customers());
    assertThat(b.repeatTransactionsPerPeriod()).isEqualTo(a.repeatTransactionsPerPeriod());
  }

  @Test
  void longHistoriesAreSortedToo() {
    SummaryBuilder b = SummaryBuilder.calibrationEnd(CAL).scale(TimeScale.DAYS);
    for (int d = 89; d >= 0; d--) b.add(new Purchase("eve", LocalDate.of(2024, 1, 1).plusDays(d), d));
    CustomerSummary eve = b.build().customers().get(0);
    assertThat(eve.x()).isEqualTo(89);
    assertThat(eve.tx()).isEqualTo(89);
    assertThat(eve.firstSpend()).isZero();
    assertThat(eve.meanRepeatSpend()).isEqualTo(45);
  }

  @Test
  void repeatSeriesCountsRepeatTransactionsPerPeriodFromTheOrigin() {
    CohortSummary s = SummaryBuilder.calibrationEnd(CAL).observationEnd(OBS).addAll(HISTORY).build();
    assertThat(s.origin()).isEqualTo(LocalDate.of(2024, 1, 1));
    long[] weekly = s.repeatTransactionsPerPeriod();
    assertThat(weekly).hasSize(26); // Jan 1 .. Jun 30 is 182 days
    assertThat(weekly[2]).isEqualTo(1); // Jan 15
    assertThat(weekly[6]).isEqualTo(1); // Feb 12
    assertThat(weekly[14]).isEqualTo(1); // Apr 10
    assertThat(weekly[17]).isEqualTo(1); // May 1, merged
    assertThat(s.cumulativeRepeatTransactions()[25]).isEqualTo(4);
    assertThat(s.calibrationPeriods()).isEqualTo(13); // Mar 31 is day 90, in week 13
  }

  @Test
  void roundingIsHalfUpOnTheDecimalValue() {
    CohortSummary s = SummaryBuilder.calibrationEnd(CAL).roundTo(2)
        .add(p("a", "2024-01-01", 1)).add(p("a", "2024-01-03", 29.73)).add(p("a", "2024-01-05", 15.0))
        .build();
    assertThat(s.customers().get(0).meanRepeatSpend()).isEqualTo(22.37); // 22.365 in decimal
    assertThat(s.customers().get(0).tx()).isEqualTo(0.57); // 4/7 = 0.5714...
  }

  @Test
  void timestampsAreDatedInTheirZone() {
    Instant late = Instant.parse("2024-01-01T23:30:00Z");
    assertThat(Purchase.at("a", late, ZoneId.of("UTC"), 1).date()).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(Purchase.at("a", late, ZoneId.of("Europe/Berlin"), 1).date()).isEqualTo(LocalDate.of(2024, 1, 2));
  }

  @Test
  void badPurchasesAreRejected() {
    assertThatThrownBy(() -> p("a", "2024-01-01", -1)).hasMessageContaining("negative");
    assertThatThrownBy(() -> p("a", "2024-01-01", Double.NaN)).hasMessageContaining("finite");
    assertThatThrownBy(() -> p("a", "2024-01-01", Double.POSITIVE_INFINITY)).hasMessageContaining("finite");
    assertThatThrownBy(() -> p(" ", "2024-01-01", 1)).hasMessageContaining("blank");
  }

  @Test
  void impossibleSplitsAreClearErrors() {
    assertThatThrownBy(() -> SummaryBuilder.calibrationEnd(CAL).build()).hasMessageContaining("no purchases");
    assertThatThrownBy(() -> SummaryBuilder.calibrationEnd(OBS).observationEnd(CAL).add(p("a", "2024-01-01", 1)).build())
        .hasMessageContaining("observation end 2024-03-31 is before calibration end 2024-06-30");
    assertThatThrownBy(() -> SummaryBuilder.calibrationEnd(LocalDate.of(2023, 12, 31)).observationEnd(OBS).addAll(HISTORY).build())
        .hasMessageContaining("no customer made a first purchase on or before the calibration end 2023-12-31");
    assertThatThrownBy(() -> SummaryBuilder.calibrationEnd(LocalDate.of(2023, 12, 31)).add(p("a", "2024-01-01", 1)).build())
        .hasMessageContaining("every purchase is after the calibration end");
    assertThatThrownBy(() -> SummaryBuilder.calibrationEnd(CAL).origin(LocalDate.of(2024, 2, 1)).addAll(HISTORY).build())
        .hasMessageContaining("origin 2024-02-01 is after the earliest purchase 2024-01-01");
  }

  @Test
  void customersWithoutRepeatSpendStayOutOfTheSpendModel() {
    CohortSummary s = SummaryBuilder.calibrationEnd(CAL)
        .add(p("a", "2024-01-01", 10)).add(p("a", "2024-02-01", 0))
        .add(p("b", "2024-01-01", 10)).add(p("b", "2024-02-01", 12))
        .add(p("c", "2024-01-01", 10))
        .build();
    assertThat(s.repeatCustomersWithoutSpend()).isEqualTo(1);
    assertThat(s.spendData().customers()).isEqualTo(1);
    CohortSummary none = SummaryBuilder.calibrationEnd(CAL).add(p("c", "2024-01-01", 10)).build();
    assertThatThrownBy(none::spendData).hasMessageContaining("no repeat customers");
  }
}
