package io.wayfinder.core.act.condition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Condition evaluation throughput on one thread (run by hand: bench/conditions.sh). The engine
 * evaluates every published flow's trigger conditions on every event, so this bounds its cost.
 */
public final class ConditionBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ConditionBenchmark() {}

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
    List<JsonNode> customers = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      customers.add(JSON.valueToTree(Map.of(
          "traits", Map.of("plan", i % 3 == 0 ? "gold" : "silver", "email", "user" + i + "@example.com", "age", 18 + i % 60),
          "predictions", Map.of("clv", i * 1.7, "churnRisk", (i % 100) / 100.0),
          "consent", Map.of("marketing", i % 5 != 0),
          "event", Map.of("total", i % 200, "items", List.of("a", "b", "sku-" + i)))));
    }
    String[][] cases = {
        {"equality", "{\"traits.plan\":\"gold\"}"},
        {"branch (3 clauses)", "{\"predictions.clv\":{\"$gt\":500},\"consent.marketing\":true,\"traits.age\":{\"$gte\":21,\"$lt\":65}}"},
        {"regex", "{\"traits.email\":{\"$regex\":\"^user[0-9]*7@example\\\\.com$\"}}"},
        {"$in over 50 values", "{\"event.total\":{\"$in\":" + range(50) + "}}"},
        {"$or of 20 conditions", "{\"$or\":[" + String.join(",", java.util.Collections.nCopies(19,
            "{\"traits.plan\":\"bronze\"}")) + ",{\"event.items\":{\"$elemMatch\":{\"$eq\":\"sku-999\"}}}]}"},
    };
    System.out.println("| condition | evaluations/s (1 thread) | matched |");
    System.out.println("|---|---|---|");
    for (String[] c : cases) {
      Condition condition = Condition.parseStrict(JSON.readTree(c[1]), null);
      run(condition, customers, 0.5); // warm-up
      long[] r = run(condition, customers, seconds);
      System.out.printf("| %s | %,.0f | %d / 1000 |%n", c[0], r[0] / seconds, r[1] * 1000 / r[0]);
    }
    JsonNode branch = JSON.readTree(cases[1][1]);
    for (int round = 0; round < 2; round++) { // the first round warms up
      long t0 = System.nanoTime();
      long parses = 0;
      while (System.nanoTime() - t0 < seconds * 1e9) {
        for (int i = 0; i < 1000; i++) {
          Condition.parseStrict(branch, null);
        }
        parses += 1000;
      }
      if (round == 1) {
        System.out.printf("%nparse + strict check of the branch condition (a JSON tree): %,.0f/s%n",
            parses / ((System.nanoTime() - t0) / 1e9));
      }
    }
  }

  private static String range(int n) {
    List<Integer> xs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      xs.add(i * 7);
    }
    return xs.toString();
  }

  /** Evaluations done and matches, for about {@code seconds}. */
  private static long[] run(Condition c, List<JsonNode> customers, double seconds) {
    long n = 0;
    long matched = 0;
    long end = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() < end) {
      for (JsonNode customer : customers) {
        matched += c.matches(customer) ? 1 : 0;
      }
      n += customers.size();
    }
    return new long[] {n, matched};
  }
}
