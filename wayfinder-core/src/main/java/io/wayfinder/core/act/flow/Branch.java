package io.wayfinder.core.act.flow;

import io.wayfinder.core.act.bucket.Bucketing;
import io.wayfinder.core.act.condition.Condition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Sends a customer down one of several edges. */
public sealed interface Branch extends FlowNode {

  /**
   * The first case whose {@code when} matches the customer context (traits, the event's
   * properties, predictions, consent, KPI answers) decides; if none does, {@code otherwise}.
   */
  record OnCondition(String id, List<Case> cases, String otherwise) implements Branch {
    public OnCondition {
      cases = cases == null ? List.of() : List.copyOf(cases);
    }

    @Override
    public Map<String, String> edges() {
      Map<String, String> m = new LinkedHashMap<>();
      for (int i = 0; i < cases.size(); i++) {
        m.put("cases[" + i + "].next", cases.get(i) == null ? null : cases.get(i).next());
      }
      m.put("otherwise", otherwise);
      return Collections.unmodifiableMap(m);
    }

    @Override
    public void check(NodeChecks c) {
      if (cases.isEmpty()) {
        c.problem("cases", "a condition branch needs at least one case");
      }
      for (int i = 0; i < cases.size(); i++) {
        Case k = cases.get(i);
        c.required("cases[" + i + "].when", k == null ? null : k.when());
        if (k != null) {
          c.contextCondition("cases[" + i + "].when", k.when());
        }
      }
    }
  }

  /** One case of a condition branch. */
  record Case(Condition when, String next) {}

  /**
   * A weighted random split, deterministic per customer: GrowthBook's hash (version 2) of
   * {@code seed} and the customer id picks the arm, so a customer always takes the same arm and
   * the same one a GrowthBook experiment with that seed and weights would give.
   */
  record Split(String id, String seed, List<Arm> arms) implements Branch {
    public Split {
      arms = arms == null ? List.of() : List.copyOf(arms);
    }

    @Override
    public Map<String, String> edges() {
      Map<String, String> m = new LinkedHashMap<>();
      for (int i = 0; i < arms.size(); i++) {
        m.put("arms[" + i + "].next", arms.get(i) == null ? null : arms.get(i).next());
      }
      return Collections.unmodifiableMap(m);
    }

    /** The arm index for a customer; {@code flowId} seeds the hash when {@code seed} is absent. */
    public int armFor(String customerId, String flowId) {
      String s = seed != null && !seed.isBlank() ? seed : flowId + ":" + id;
      double n = Bucketing.hash(s, customerId, 2).orElseThrow();
      List<Double> weights = arms.stream().map(Arm::weight).toList();
      int arm = Bucketing.chooseVariation(n, Bucketing.bucketRanges(arms.size(), 1, weights));
      // weights add up to 1 (checked), so the ranges tile [0, 1) but for the rounding of their sum
      return arm >= 0 ? arm : arms.size() - 1;
    }

    @Override
    public void check(NodeChecks c) {
      if (arms.size() < 2) {
        c.problem("arms", "a split needs at least two arms");
      }
      double total = 0;
      boolean allValid = true;
      for (int i = 0; i < arms.size(); i++) {
        Arm a = arms.get(i);
        Double w = a == null ? null : a.weight();
        if (w == null || w <= 0 || w.isNaN()) {
          c.problem("arms[" + i + "].weight", "must be a number above 0");
          allValid = false;
        } else {
          total += w;
        }
      }
      if (allValid && Math.abs(total - 1) > 1e-6) { // only a sum of valid weights says something
        c.problem("arms", "weights must add up to 1 (they add up to " + total + ")");
      }
      long names = arms.stream().filter(Objects::nonNull).map(Arm::name).filter(Objects::nonNull).distinct().count();
      if (names != arms.stream().filter(a -> a != null && a.name() != null).count()) {
        c.problem("arms", "arm names must be unique");
      }
    }
  }

  /** One arm of a split; {@code name} labels it in traces and counts (e.g. "holdout"). */
  record Arm(String name, Double weight, String next) {}
}
