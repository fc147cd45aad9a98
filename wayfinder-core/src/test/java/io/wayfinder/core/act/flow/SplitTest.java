package io.wayfinder.core.act.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SplitTest {
  private static Branch.Split split(String seed, double... weights) {
    List<Branch.Arm> arms = new java.util.ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      arms.add(new Branch.Arm("arm" + i, weights[i], "next" + i));
    }
    return new Branch.Split("s", seed, arms);
  }

  @Test
  void armsFollowGrowthBooksHashValues() {
    // From GrowthBook's hash cases (version 2): seed "seed" puts "a" at 0.0505 and "b" at 0.2696
    Branch.Split s = split("seed", 0.05, 0.25, 0.7);
    assertThat(s.armFor("a", "flow")).as("0.0505 is in [0.05, 0.30)").isEqualTo(1);
    assertThat(s.armFor("b", "flow")).as("0.2696 is in [0.05, 0.30)").isEqualTo(1);
    Branch.Split t = split("seed", 0.06, 0.2, 0.74);
    assertThat(t.armFor("a", "flow")).as("0.0505 < 0.06").isEqualTo(0);
    assertThat(t.armFor("b", "flow")).as("0.2696 is in [0.26, 1)").isEqualTo(2);
  }

  @Test
  void aCustomerAlwaysTakesTheSameArmAndShareFollowsWeights() {
    Branch.Split s = split(null, 0.1, 0.9);
    int holdout = 0;
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      String customer = "customer-" + i;
      int arm = s.armFor(customer, "order-care");
      assertThat(s.armFor(customer, "order-care")).isEqualTo(arm);
      holdout += arm == 0 ? 1 : 0;
    }
    // binomial(20000, 0.1): sd = 42, so ±0.01 is over four standard deviations
    assertThat(holdout / (double) n).isCloseTo(0.1, within(0.01));
  }

  @Test
  void withoutASeedTheFlowAndNodeIdSeedTheHashSoTwoFlowsSplitIndependently() {
    Branch.Split s = split(null, 0.5, 0.5);
    int same = 0;
    for (int i = 0; i < 2_000; i++) {
      same += s.armFor("c" + i, "flow-a") == s.armFor("c" + i, "flow-b") ? 1 : 0;
    }
    assertThat(same / 2000.0).isCloseTo(0.5, within(0.05));
    assertThat(split("flow-a:s", 0.5, 0.5).armFor("c7", "other")).isEqualTo(s.armFor("c7", "flow-a"));
  }
}
