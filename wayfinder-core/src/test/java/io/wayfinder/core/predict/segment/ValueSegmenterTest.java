package io.wayfinder.core.predict.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueSegmenterTest {
  @Test
  void topFifthByClvIsHighValueAndRiskFromOneHalfIsAtRisk() {
    List<ValueSegmenter.Customer> cs = new ArrayList<>();
    for (int i = 1; i <= 10; i++) cs.add(new ValueSegmenter.Customer("c" + i, i * 10, i % 2 == 0 ? 0.8 : 0.2));
    ValueSegmenter.Segmentation s = ValueSegmenter.DEFAULT.assign(cs);
    // quantile 0.8 of 10..100 (type 7) = 82
    assertThat(s.highValueClv()).isEqualTo(82.0);
    assertThat(s.assignments().get(9).segment()).isEqualTo(ValueSegment.HIGH_VALUE_AT_RISK); // 100, 0.8
    assertThat(s.assignments().get(8).segment()).isEqualTo(ValueSegment.HIGH_VALUE_LOYAL); // 90, 0.2
    assertThat(s.assignments().get(7).segment()).isEqualTo(ValueSegment.LOW_VALUE_AT_RISK); // 80, 0.8
    assertThat(s.assignments().get(0).segment()).isEqualTo(ValueSegment.LOW_VALUE_STABLE); // 10, 0.2
    ValueSegmenter.Group hvar = s.groups().get(0);
    assertThat(hvar.segment()).isEqualTo(ValueSegment.HIGH_VALUE_AT_RISK);
    assertThat(hvar.customers()).isEqualTo(1);
    assertThat(hvar.valueAtStake()).isCloseTo(80.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(s.groups().stream().mapToInt(ValueSegmenter.Group::customers).sum()).isEqualTo(10);
  }

  @Test
  void whereMostCustomersAreLikelyToLapseOnlyTheRiskiestThreeTenthsAreAtRisk() {
    // 100 customers with risks 0.51 .. 1.00: all above one half, as when the base churn rate is high
    List<ValueSegmenter.Customer> cs = new ArrayList<>();
    for (int i = 1; i <= 100; i++) cs.add(new ValueSegmenter.Customer("c" + i, i, 0.5 + i / 200.0));
    ValueSegmenter.Segmentation s = ValueSegmenter.DEFAULT.assign(cs);
    long atRisk = s.assignments().stream().filter(a -> a.segment().id().endsWith("at_risk")).count();
    // type-7 quantile 0.7 of 0.505 .. 1.0 = 0.505 + 69.3 * 0.005
    assertThat(s.riskThreshold()).isCloseTo(0.505 + 69.3 * 0.005, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(atRisk).isEqualTo(30);
  }

  @Test
  void aHealthyBaseIsNotCalledAtRiskBelowTheFloor() {
    List<ValueSegmenter.Customer> cs = new ArrayList<>();
    for (int i = 1; i <= 100; i++) cs.add(new ValueSegmenter.Customer("c" + i, i, i / 250.0)); // risks up to 0.4
    ValueSegmenter.Segmentation s = ValueSegmenter.DEFAULT.assign(cs);
    assertThat(s.riskThreshold()).isEqualTo(0.5);
    assertThat(s.assignments()).noneMatch(a -> a.segment().id().endsWith("at_risk"));
  }

  @Test
  void badInputIsRefused() {
    assertThatThrownBy(() -> new ValueSegmenter.Customer("x", Double.NaN, 0.5)).hasMessageContaining("CLV is not finite");
    assertThatThrownBy(() -> new ValueSegmenter(1.0, 0.7, 0.5)).hasMessageContaining("value quantile");
    assertThat(ValueSegmenter.DEFAULT.assign(List.of()).groups()).allSatisfy(g -> assertThat(g.customers()).isZero());
  }
}
