package io.wayfinder.core.act.bucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.wayfinder.core.act.GrowthBookCases;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** GrowthBook's hash, getBucketRange, chooseVariation and getEqualWeights cases. */
class GrowthBookBucketingTest {

  private static Stream<JsonNode> cases(String section) {
    return StreamSupport.stream(GrowthBookCases.section(section).spliterator(), false);
  }

  private static List<Bucketing.Range> ranges(JsonNode json) {
    List<Bucketing.Range> out = new ArrayList<>();
    json.forEach(r -> out.add(new Bucketing.Range(r.get(0).asDouble(), r.get(1).asDouble())));
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyHashCaseGivesGrowthBooksValue() {
    return cases("hash").map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
      OptionalDouble h = Bucketing.hash(c.get(0).asText(), c.get(1).asText(), c.get(2).asInt());
      if (c.get(3).isNull()) {
        assertThat(h).isEmpty();
      } else {
        assertThat(h).hasValue(c.get(3).asDouble());
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyBucketRangeCaseGivesGrowthBooksRanges() {
    return cases("getBucketRange").map(c -> DynamicTest.dynamicTest(c.get(0).asText(), () -> {
      JsonNode args = c.get(1);
      List<Double> weights = null;
      if (!args.get(2).isNull()) {
        weights = new ArrayList<>();
        for (JsonNode w : args.get(2)) {
          weights.add(w.asDouble());
        }
      }
      List<Bucketing.Range> got = Bucketing.bucketRanges(args.get(0).asInt(), args.get(1).asDouble(), weights);
      List<Bucketing.Range> want = ranges(c.get(2));
      assertThat(got).hasSameSizeAs(want);
      for (int i = 0; i < want.size(); i++) {
        assertThat(got.get(i).start()).isCloseTo(want.get(i).start(), within(1e-9));
        assertThat(got.get(i).end()).isCloseTo(want.get(i).end(), within(1e-9));
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyChooseVariationCaseGivesGrowthBooksChoice() {
    return cases("chooseVariation").map(c -> DynamicTest.dynamicTest(c.get(0).asText(), () ->
        assertThat(Bucketing.chooseVariation(c.get(1).asDouble(), ranges(c.get(2)))).isEqualTo(c.get(3).asInt())));
  }

  @TestFactory
  Stream<DynamicTest> everyEqualWeightsCaseGivesGrowthBooksWeights() {
    return cases("getEqualWeights").map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
      List<Double> got = Bucketing.equalWeights(c.get(0).asInt());
      assertThat(got).hasSize(c.get(1).size());
      for (int i = 0; i < got.size(); i++) {
        assertThat(got.get(i)).isCloseTo(c.get(1).get(i).asDouble(), within(1e-8));
      }
    }));
  }
}
