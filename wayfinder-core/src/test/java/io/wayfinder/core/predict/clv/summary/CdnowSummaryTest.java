package io.wayfinder.core.predict.clv.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wayfinder.core.predict.clv.CdnowData;
import io.wayfinder.core.predict.clv.summary.PurchaseFileReader.Layout;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The summary builder on the raw CDNOW log reproduces the published and derived summaries. */
class CdnowSummaryTest {

  private static Map<String, CustomerSummary> byId(CohortSummary s) {
    return s.customers().stream().collect(Collectors.toMap(CustomerSummary::customerId, Function.identity()));
  }

  @Test
  void roundedSummaryEqualsLifetimesTwoDecimalTable() {
    CohortSummary s = CdnowData.rawSummary(2);
    Map<String, CustomerSummary> ours = byId(s);
    List<String[]> rows = CdnowData.csv("cdnow_customers_summary_with_transactions.csv");
    assertThat(rows).hasSize(2357);
    assertThat(ours).hasSize(2357);
    for (String[] r : rows) {
      CustomerSummary c = ours.get(r[0]);
      assertThat(c.x()).as("x of %s", r[0]).isEqualTo(Integer.parseInt(r[1]));
      assertThat(c.tx()).as("t_x of %s", r[0]).isEqualTo(Double.parseDouble(r[2]));
      assertThat(c.T()).as("T of %s", r[0]).isEqualTo(Double.parseDouble(r[3]));
      assertThat(c.meanRepeatSpend()).as("zbar of %s", r[0]).isEqualTo(Double.parseDouble(r[4]));
    }
  }

  @Test
  void exactSummaryEqualsDerivedCalibrationHoldoutTable() {
    CohortSummary s = CdnowData.rawSummary(-1);
    Map<String, CustomerSummary> ours = byId(s);
    // ID,masterid,first_purchase,x,t_x,T_cal,zbar_cal,first_sales,x_star,sales_star,T_star
    for (String[] r : CdnowData.csv("cdnow_cbs_calibration_holdout.csv")) {
      CustomerSummary c = ours.get(r[0]);
      assertThat(c.firstPurchase()).isEqualTo(LocalDate.parse(r[2]));
      assertThat(c.x()).isEqualTo(Integer.parseInt(r[3]));
      assertThat(c.tx()).isCloseTo(Double.parseDouble(r[4]), within(5e-7));
      assertThat(c.T()).isCloseTo(Double.parseDouble(r[5]), within(5e-7));
      assertThat(c.meanRepeatSpend()).isCloseTo(Double.parseDouble(r[6]), within(5e-7));
      assertThat(c.firstSpend()).isCloseTo(Double.parseDouble(r[7]), within(5e-7));
      assertThat(c.holdoutX()).isEqualTo(Integer.parseInt(r[8]));
      assertThat(c.holdoutSpend()).isCloseTo(Double.parseDouble(r[9]), within(5e-7));
    }
    assertThat(s.holdoutLength()).isEqualTo(39.0);
    assertThat(s.customers().stream().mapToInt(CustomerSummary::holdoutX).sum()).isEqualTo(1882);
    assertThat(s.customers().stream().mapToDouble(CustomerSummary::holdoutSpend).sum()).isCloseTo(70976.39, within(1e-6));
    assertThat(s.purchases()).isEqualTo(6919);
    assertThat(s.customersBornAfterCalibration()).isZero();
    assertThat(s.purchasesAfterWindow()).isZero();
  }

  @Test
  void weeklySeriesEqualsDerivedTable() {
    CohortSummary s = CdnowData.rawSummary(-1);
    assertThat(s.origin()).isEqualTo(LocalDate.of(1997, 1, 1));
    assertThat(s.calibrationPeriods()).isEqualTo(39);
    long[] weekly = s.repeatTransactionsPerPeriod();
    long[] cumulative = s.cumulativeRepeatTransactions();
    List<String[]> rows = CdnowData.csv("cdnow_weekly_repeat_transactions.csv");
    assertThat(weekly).hasSize(78);
    for (String[] r : rows) {
      int week = Integer.parseInt(r[0]);
      assertThat(weekly[week - 1]).as("week %d", week).isEqualTo(Long.parseLong(r[1]));
      assertThat(cumulative[week - 1]).isEqualTo(Long.parseLong(r[2]));
    }
    assertThat(cumulative[38]).isEqualTo(2457);
    assertThat(cumulative[77]).isEqualTo(4339);
  }

  @Test
  void sampleTextFileGivesTheSameSummaryAsTheCsvLog() throws IOException {
    SummaryBuilder b = SummaryBuilder.calibrationEnd(CdnowData.CALIBRATION_END).observationEnd(CdnowData.OBSERVATION_END);
    // whitespace-separated, no header: master id, sample id, date, cds, dollars
    long n = PurchaseFileReader.read(CdnowData.file("CDNOW_sample.txt"), Layout.DEFAULT.withColumns("2", "3", "5"), b::add);
    assertThat(n).isEqualTo(6919);
    // the text file zero-pads the sample id ("0001"); the CSV log does not ("1")
    List<CustomerSummary> fromText = b.build().customers().stream()
        .map(c -> new CustomerSummary(Integer.toString(Integer.parseInt(c.customerId())), c.firstPurchase(), c.x(), c.tx(), c.T(),
            c.meanRepeatSpend(), c.firstSpend(), c.holdoutX(), c.holdoutSpend()))
        .toList();
    assertThat(fromText).containsExactlyElementsOf(CdnowData.rawSummary(-1).customers());
  }

  @Test
  void masterFileReadsWithTheCdnowLayout() throws IOException {
    SummaryBuilder b = SummaryBuilder.calibrationEnd(CdnowData.CALIBRATION_END).observationEnd(CdnowData.OBSERVATION_END);
    double[] total = {0};
    long n = PurchaseFileReader.read(CdnowData.file("CDNOW_master.txt"), Layout.CDNOW, p -> {
      total[0] += p.amount();
      b.add(p);
    });
    assertThat(n).isEqualTo(69_659);
    assertThat(total[0]).isCloseTo(2_500_315.63, within(1e-4));
    CohortSummary s = b.build();
    assertThat(s.customers()).hasSize(23_570);
    assertThat(s.customers().get(0).customerId()).isEqualTo("00001");
  }
}
